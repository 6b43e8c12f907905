/**
 * Where speech is audible in a recording: the RMS loudness of every 10 ms frame, frames above a
 * threshold relative to the loudest ones marked voiced, gaps shorter than a stop consonant's
 * closure bridged, and blips shorter than a syllable's fraction dropped. The lip-sync puts the
 * mouth at rest in the gaps that remain (the pauses at commas and full stops).
 */
import { durationOf, type PcmAudio } from './wav.ts';

export const FRAME_SECONDS = 0.01;

export interface VoicedSegment {
  start: number;
  end: number;
}

export interface VoicingOptions {
  /** Voiced when louder than this share of the 95th-percentile frame loudness. */
  relativeThreshold?: number;
  /** Silent stretches shorter than this (seconds) are bridged: a plosive's closure, not a pause. */
  bridgeSeconds?: number;
  /** Voiced stretches shorter than this (seconds) are dropped as clicks. */
  minimumSeconds?: number;
}

/** RMS loudness (0–1) of consecutive 10 ms frames, channels mixed. */
export function frameLoudness(audio: PcmAudio): Float64Array {
  const frameSamples = Math.max(1, Math.round(audio.sampleRate * FRAME_SECONDS)) * audio.channels;
  const frames = Math.ceil(audio.samples.length / frameSamples);
  const loudness = new Float64Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    const start = frame * frameSamples;
    const end = Math.min(audio.samples.length, start + frameSamples);
    let sum = 0;
    for (let index = start; index < end; index += 1) {
      const sample = audio.samples[index] / 32768;
      sum += sample * sample;
    }
    loudness[frame] = Math.sqrt(sum / Math.max(1, end - start));
  }
  return loudness;
}

export function voicedSegments(audio: PcmAudio, options: VoicingOptions = {}): VoicedSegment[] {
  const relative = options.relativeThreshold ?? 0.08;
  const bridge = options.bridgeSeconds ?? 0.08;
  const minimum = options.minimumSeconds ?? 0.03;
  const loudness = frameLoudness(audio);
  if (loudness.length === 0) return [];
  const frameSeconds = Math.max(1, Math.round(audio.sampleRate * FRAME_SECONDS)) / audio.sampleRate;
  const sorted = Array.from(loudness).sort((a, b) => a - b);
  const reference = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  // Absolute floor: a file of near silence has no voiced frames at all.
  const threshold = Math.max(reference * relative, 0.003);
  const duration = durationOf(audio);

  const raw: VoicedSegment[] = [];
  let start = -1;
  loudness.forEach((value, frame) => {
    if (value >= threshold && start < 0) start = frame;
    if (value < threshold && start >= 0) {
      raw.push({ start: start * frameSeconds, end: frame * frameSeconds });
      start = -1;
    }
  });
  if (start >= 0) raw.push({ start: start * frameSeconds, end: duration });

  const bridged: VoicedSegment[] = [];
  for (const segment of raw) {
    const last = bridged[bridged.length - 1];
    if (last && segment.start - last.end < bridge) last.end = segment.end;
    else bridged.push({ ...segment });
  }
  return bridged
    .filter((segment) => segment.end - segment.start >= minimum)
    .map((segment) => ({ start: segment.start, end: Math.min(segment.end, duration) }));
}
