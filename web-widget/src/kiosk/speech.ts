/**
 * Speech on the hall screen: the browser's SpeechRecognition for voice input where it exists (the
 * button is hidden otherwise; no audio leaves the browser through this project), and the guide's
 * voice (guide-voice.ts: the server's offline speech, the browser's zh-CN voice as the fallback).
 */
import { stopVoice } from './guide-voice.ts';

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
/** Whether the guide can speak: the server's voice plays as audio, the browser's voice is the fallback. */
export const canSpeak = (): boolean =>
  typeof Audio !== 'undefined' ||
  ('speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined');

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

/** Stops the guide's voice, whichever is speaking. */
export function stopSpeaking(): void {
  stopVoice();
}
