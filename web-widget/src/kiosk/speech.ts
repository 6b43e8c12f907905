/**
 * The browser's own speech services, used only where they exist: SpeechRecognition for voice input
 * (the button is hidden otherwise; no audio leaves the browser through this project) and
 * speechSynthesis to read answers aloud in Mandarin.
 */
interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>;
}

interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | undefined {
  const scope = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

export const canRecognize = (): boolean => recognitionConstructor() !== undefined;
export const canSpeak = (): boolean =>
  'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

/** Listens once; resolves with the transcript, or an empty string when nothing was heard. */
export function listenOnce(): { result: Promise<string>; stop: () => void } {
  const Constructor = recognitionConstructor();
  if (!Constructor) return { result: Promise.resolve(''), stop: () => undefined };
  const recognition = new Constructor();
  recognition.lang = 'zh-CN';
  recognition.interimResults = false;
  recognition.maxAlternatives = 1;
  const result = new Promise<string>((resolve) => {
    let heard = '';
    recognition.onresult = (event) => {
      heard = Array.from(event.results)
        .map((alternatives) => alternatives[0]?.transcript ?? '')
        .join('');
    };
    recognition.onerror = () => resolve('');
    recognition.onend = () => resolve(heard.trim());
  });
  recognition.start();
  return { result, stop: () => recognition.stop() };
}

/** Reads text aloud; resolves when done (or at once when speech is unavailable). */
export function speak(text: string): Promise<void> {
  if (!canSpeak()) return Promise.resolve();
  window.speechSynthesis.cancel();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text.slice(0, 400));
    utterance.lang = 'zh-CN';
    utterance.rate = 0.95;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    window.speechSynthesis.speak(utterance);
  });
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
