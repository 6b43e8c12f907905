/**
 * The guide's voice: the server's offline Mandarin speech (`/api/v1/speech/plan`, docs/http-api.md
 * "Speech"), sentence by sentence — sentence n plays while n + 1 is fetched — with the mouth drawn
 * on every animation frame from the sentence's lip-sync track (the last keyframe with
 * t ≤ audio.currentTime), or from the audio's loudness when the track did not come. Only when
 * the server's speech fails or cannot play does the browser's own zh-CN voice read the rest,
 * the mouth then following an estimate from the text's syllables. One voice speaks at a time.
 */
import { estimateVisemes, shapeAt, shapeFromLevel, type MouthShape, type Viseme } from './lip-sync.ts';

export interface VoiceListener {
  /** A sentence starts: what the caption shows. */
  sentence(text: string): void;
  /** The mouth shape to draw now. */
  shape(shape: MouthShape): void;
  /** What the mouth follows for the sentence that starts. */
  sync(source: LipSource): void;
}

/** The lip-sync track of the audio, its loudness, or an estimate from the text's syllables. */
export type LipSource = 'track' | 'loudness' | 'syllables';

export interface Speaking {
  /** Settles when everything was said, or at once after stop(). Never rejects. */
  done: Promise<void>;
  stop(): void;
}

interface PlanSentence {
  index: number;
  text: string;
  audioUrl: string;
  visemesUrl: string;
}

interface Track {
  duration: number;
  visemes: Viseme[];
}

interface LoadedSentence {
  url: string;
  text: string;
  track: Track | undefined;
}

const planUrl = (text: string): string => `/api/v1/speech/plan?text=${encodeURIComponent(text)}`;

let current: Speaking | undefined;

/** Stops whatever the guide is saying (server audio or the browser's voice). */
export function stopVoice(): void {
  current?.stop();
  current = undefined;
}

/** Asks for a text's plan without speaking it, so that the server starts its engine. */
export function warmVoice(text: string): void {
  void fetch(planUrl(text)).catch(() => undefined);
}

export function speakText(text: string, listener: VoiceListener): Speaking {
  stopVoice();
  const controller = new AbortController();
  const done = speakAll(text, listener, controller.signal)
    .catch(() => undefined)
    .finally(() => listener.shape('rest'));
  const speaking: Speaking = {
    done,
    stop: () => {
      controller.abort();
      stopBrowserVoice();
    },
  };
  current = speaking;
  void done.then(() => {
    if (current === speaking) current = undefined;
  });
  return speaking;
}

async function speakAll(text: string, listener: VoiceListener, signal: AbortSignal): Promise<void> {
  let sentences: PlanSentence[];
  try {
    const response = await fetch(planUrl(text), { signal });
    if (!response.ok) throw new Error(`plan ${response.status}`);
    sentences = ((await response.json()) as { sentences: PlanSentence[] }).sentences;
    if (!Array.isArray(sentences) || sentences.length === 0) throw new Error('empty plan');
  } catch {
    if (!signal.aborted) await browserVoice([text], listener, signal);
    return;
  }
  let next: Promise<LoadedSentence> | undefined = loadSentence(sentences[0]!, signal);
  for (let index = 0; index < sentences.length; index++) {
    const rest = sentences.slice(index).map((sentence) => sentence.text);
    let loaded: LoadedSentence;
    try {
      loaded = await next!;
    } catch {
      if (!signal.aborted) await browserVoice(rest, listener, signal);
      return;
    }
    const following = sentences[index + 1];
    next = following ? loadSentence(following, signal) : undefined;
    // Handled when its turn comes; this only keeps an early failure from being reported as unhandled.
    next?.catch(() => undefined);
    if (signal.aborted) return URL.revokeObjectURL(loaded.url);
    listener.sentence(loaded.text);
    try {
      await playSentence(loaded, listener, signal);
    } catch {
      if (!signal.aborted) await browserVoice(rest, listener, signal);
      return;
    }
    if (signal.aborted) return;
  }
}

function validTrack(value: unknown): Track | undefined {
  const track = value as Partial<Track> | undefined;
  if (!track || typeof track.duration !== 'number' || !Array.isArray(track.visemes)) return undefined;
  return track.visemes.length > 0 ? (track as Track) : undefined;
}

async function loadSentence(sentence: PlanSentence, signal: AbortSignal): Promise<LoadedSentence> {
  const [audio, track] = await Promise.all([
    fetch(sentence.audioUrl, { signal }).then((response) => {
      if (!response.ok) throw new Error(`speech ${response.status}`);
      return response.blob();
    }),
    fetch(sentence.visemesUrl, { signal })
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : undefined))
      .then(validTrack)
      .catch(() => undefined),
  ]);
  return { url: URL.createObjectURL(audio), text: sentence.text, track };
}

/** Plays one sentence; resolves when it ended or was stopped, rejects when it cannot play. */
function playSentence(loaded: LoadedSentence, listener: VoiceListener, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const audio = new Audio(loaded.url);
    const level = loaded.track ? undefined : levelMeter(audio);
    const estimate = loaded.track || level ? undefined : estimateVisemes(loaded.text);
    let frame = 0;
    let settled = false;
    listener.sync(loaded.track ? 'track' : level ? 'loudness' : 'syllables');
    const shapeNow = (): MouthShape => {
      if (loaded.track) return shapeAt(loaded.track.visemes, audio.currentTime, loaded.track.duration);
      if (level) return shapeFromLevel(level());
      // Neither track nor analyser: the syllable estimate, stretched over the audio's length.
      const scale = estimate && audio.duration > 0 ? estimate.duration / audio.duration : 1;
      return shapeAt(estimate?.visemes ?? [], audio.currentTime * scale, estimate?.duration);
    };
    const draw = (): void => {
      listener.shape(shapeNow());
      frame = requestAnimationFrame(draw);
    };
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      cancelAnimationFrame(frame);
      audio.pause();
      signal.removeEventListener('abort', onAbort);
      URL.revokeObjectURL(loaded.url);
      listener.shape('rest');
      if (error) reject(error instanceof Error ? error : new Error('audio'));
      else resolve();
    };
    const onAbort = (): void => finish();
    signal.addEventListener('abort', onAbort, { once: true });
    audio.addEventListener('ended', () => finish(), { once: true });
    audio.addEventListener('error', () => finish(new Error('audio')), { once: true });
    audio.play().then(() => {
      if (!settled) frame = requestAnimationFrame(draw);
    }, finish);
  });
}

let audioContext: AudioContext | undefined;

/** The loudness (RMS, 0…1) of an audio element now, through a Web Audio analyser. */
function levelMeter(audio: HTMLAudioElement): (() => number) | undefined {
  try {
    const Context =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return undefined;
    audioContext ??= new Context();
    if (audioContext.state === 'suspended') void audioContext.resume().catch(() => undefined);
    const source = audioContext.createMediaElementSource(audio);
    const analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    analyser.connect(audioContext.destination);
    const samples = new Float32Array(analyser.fftSize);
    return () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.sqrt(sum / samples.length);
    };
  } catch {
    return undefined;
  }
}

const hasBrowserVoice = (): boolean =>
  'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

function stopBrowserVoice(): void {
  if (hasBrowserVoice()) window.speechSynthesis.cancel();
}

/** A zh-CN voice of the browser; undefined when the browser lists voices but none speaks Chinese. */
function chineseVoice(): SpeechSynthesisVoice | null | undefined {
  const voices = window.speechSynthesis.getVoices();
  if (voices.length === 0) return null; // not listed yet: let the browser pick by language
  return (
    voices.find((voice) => /^zh[-_]CN/i.test(voice.lang)) ??
    voices.find((voice) => /^zh|^cmn/i.test(voice.lang))
  );
}

/**
 * The browser's own voice for the sentences the server could not say. Each sentence's caption
 * shows; where no Chinese voice exists the captions show for the time the words would take.
 */
async function browserVoice(
  sentences: string[],
  listener: VoiceListener,
  signal: AbortSignal,
): Promise<void> {
  for (const sentence of sentences) {
    if (signal.aborted) return;
    listener.sentence(sentence);
    await browserSentence(sentence, listener, signal);
  }
}

function browserSentence(text: string, listener: VoiceListener, signal: AbortSignal): Promise<void> {
  const estimate = estimateVisemes(text);
  const voice = hasBrowserVoice() ? chineseVoice() : undefined;
  return new Promise((resolve) => {
    let frame = 0;
    let started: number | undefined;
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      cancelAnimationFrame(frame);
      clearTimeout(safety);
      signal.removeEventListener('abort', finish);
      listener.shape('rest');
      resolve();
    };
    // Some browsers never report the end of an utterance (or have no voice at all): give up after
    // well over the time the words need.
    const safety = setTimeout(finish, (estimate.duration * 2 + 2) * 1000);
    signal.addEventListener('abort', finish, { once: true });
    if (voice === undefined) {
      setTimeout(finish, estimate.duration * 1000);
      return;
    }
    const draw = (now: number): void => {
      started ??= now;
      listener.shape(shapeAt(estimate.visemes, (now - started) / 1000, estimate.duration));
      frame = requestAnimationFrame(draw);
    };
    listener.sync('syllables');
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    try {
      if (voice) utterance.voice = voice;
    } catch {
      // A voice the browser does not accept: it picks one by language instead.
    }
    utterance.rate = 0.95;
    utterance.onstart = () => {
      frame = requestAnimationFrame(draw);
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    try {
      window.speechSynthesis.speak(utterance);
    } catch {
      finish();
    }
  });
}
