/**
 * Speech for the hall screen's guide: an answer becomes its spoken text and sentences (`plan`);
 * each sentence is synthesised once (concurrent requests for the same sentence share one
 * synthesis), kept in a byte-bounded cache with its lip-sync track, and joined with the others
 * when a client asks for several at once (`speak`). A tag over the sentences names the audio
 * before it exists, so a browser's revalidation costs no synthesis.
 */
import { createHash } from 'node:crypto';
import { createByteBudgetCache } from './byte-budget-cache.ts';
import { syllablesOf } from './mouth-shapes.ts';
import { spokenText } from './spoken-text.ts';
import { DEFAULT_FIRST_SENTENCE_CHARS, DEFAULT_SENTENCE_CHARS, splitSentences } from './split-sentences.ts';
import { alignVisemes, type VisemeTrack } from './viseme-timing.ts';
import { voicedSegments } from './voiced-segments.ts';
import { durationOf, encodeWav, joinWav, parseWav } from './wav.ts';
import type { Synthesizer } from './worker-synthesizer.ts';

/** Changes whenever the same text would sound or move differently (engine, voice, timing). */
const SPEECH_VERSION = 'text2wav-0.0.14/cmn/1';

export interface SpeechPlan {
  /** The whole text as spoken. */
  spoken: string;
  sentences: string[];
}

export interface SpeechAudio {
  wav: Uint8Array;
  track: VisemeTrack;
}

export interface SpeechService {
  /**
   * The spoken text and its sentences; `shortFirst` cuts a long first sentence at an early pause,
   * so that the guide starts speaking sooner (a plan's sentences are each spoken as a text).
   */
  plan(text: string, options?: { shortFirst?: boolean }): SpeechPlan;
  /** A strong validator of the audio of these sentences (quoted, for ETag). */
  tagOf(sentences: readonly string[]): string;
  /** True when every sentence is synthesised already (no engine time needed). */
  isCached(sentences: readonly string[]): boolean;
  speak(sentences: readonly string[]): Promise<SpeechAudio>;
  /** Starts the engine's thread ahead of the first sentence. */
  warm(): void;
  close(): Promise<void>;
  readonly cache: { bytes: number; sentences: number };
}

export interface SpeechServiceOptions {
  synthesizer: Synthesizer;
  cacheBytes: number;
  /** Longest sentence in characters before it is cut at a comma. */
  sentenceChars?: number;
  /** Longest first sentence of a plan before it is cut at a pause. */
  firstSentenceChars?: number;
}

/** One synthesised sentence and its lip-sync track. */
export function analyseSentence(sentence: string, wav: Uint8Array): SpeechAudio {
  const audio = parseWav(wav);
  const duration = durationOf(audio);
  return { wav, track: alignVisemes(syllablesOf(sentence), voicedSegments(audio), duration) };
}

/** Several sentences as one file, their tracks shifted to where each sentence starts. */
export function joinSentences(parts: readonly SpeechAudio[]): SpeechAudio {
  if (parts.length === 1) return parts[0];
  const audio = joinWav(parts.map((part) => parseWav(part.wav)));
  const visemes: VisemeTrack['visemes'] = [];
  let offset = 0;
  for (const part of parts) {
    for (const viseme of part.track.visemes) {
      const t = Math.round((offset + viseme.t) * 1000) / 1000;
      const previous = visemes[visemes.length - 1];
      if (previous && previous.t === t) visemes.pop();
      visemes.push({ ...viseme, t });
    }
    offset += part.track.duration;
  }
  return { wav: encodeWav(audio), track: { duration: Math.round(durationOf(audio) * 1000) / 1000, visemes } };
}

export function createSpeechService(options: SpeechServiceOptions): SpeechService {
  const cache = createByteBudgetCache<SpeechAudio>(options.cacheBytes);
  const inFlight = new Map<string, Promise<SpeechAudio>>();

  const sentence = (text: string): Promise<SpeechAudio> => {
    const cached = cache.get(text);
    if (cached) return Promise.resolve(cached);
    let running = inFlight.get(text);
    if (!running) {
      running = options.synthesizer
        .synthesize(text)
        .then((wav) => {
          const made = analyseSentence(text, wav);
          // The track is small beside the audio; counted roughly by its JSON length.
          cache.set(text, made, wav.byteLength + made.track.visemes.length * 48);
          return made;
        })
        .finally(() => inFlight.delete(text));
      inFlight.set(text, running);
    }
    return running;
  };

  return {
    plan(text, planOptions = {}) {
      const spoken = spokenText(text);
      const longest = options.sentenceChars ?? DEFAULT_SENTENCE_CHARS;
      const first = planOptions.shortFirst
        ? (options.firstSentenceChars ?? DEFAULT_FIRST_SENTENCE_CHARS)
        : longest;
      return { spoken, sentences: splitSentences(spoken, longest, first) };
    },
    tagOf(sentences) {
      const digest = createHash('sha256')
        .update(`${SPEECH_VERSION}\n${sentences.join('\n')}`)
        .digest('base64url');
      return `"${digest.slice(0, 27)}"`;
    },
    isCached(sentences) {
      return sentences.every((text) => cache.get(text) !== undefined);
    },
    async speak(sentences) {
      return joinSentences(await Promise.all(sentences.map(sentence)));
    },
    warm() {
      options.synthesizer.warm();
      // pinyin-pro loads its dictionary on first use (about 50 ms): not on a visitor's first sentence.
      syllablesOf('您好');
    },
    close: () => options.synthesizer.close(),
    get cache() {
      return { bytes: cache.bytes, sentences: cache.size };
    },
  };
}
