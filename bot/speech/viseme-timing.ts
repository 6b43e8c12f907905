/**
 * Lip-sync timing: the syllables of a sentence laid over the voiced time of its audio. Pauses
 * (silence between voiced segments) get no syllable and the mouth rests there; the longest pauses
 * are matched to the text's pause marks, and each phrase's voiced time is shared equally among
 * its syllables (all voiced time among all syllables when the audio has fewer pauses than the
 * text has marks), each one starting with its initial's onset shape (the lips
 * closing for b p m, the teeth meeting for the sibilants) and then holding its final's shape.
 */
import { finalShape, onsetShape, type MouthShape, type Syllable } from './mouth-shapes.ts';
import type { VoicedSegment } from './voiced-segments.ts';

export interface Viseme {
  /** Seconds from the start of the audio. */
  t: number;
  shape: MouthShape;
  /** The syllable being said (pinyin without tone); empty at rest. */
  syllable: string;
}

export interface VisemeTrack {
  /** Seconds of audio. */
  duration: number;
  /** Keyframes in time order: a shape holds until the next one. Starts and ends at rest. */
  visemes: Viseme[];
}

/** The share of a syllable's time its onset shape lasts. */
const ONSET_SHARE = 0.3;

/** A syllable starting this close to a pause starts right after it (no flash of a shape). */
const SNAP_SECONDS = 0.05;

const milliseconds = (seconds: number) => Math.round(seconds * 1000) / 1000;

export function alignVisemes(
  syllables: readonly Syllable[],
  segments: readonly VoicedSegment[],
  duration: number,
): VisemeTrack {
  const rest = (t: number): Viseme => ({ t: milliseconds(t), shape: 'rest', syllable: '' });
  const voicedTotal = segments.reduce((sum, segment) => sum + (segment.end - segment.start), 0);
  if (syllables.length === 0 || voicedTotal <= 0) return { duration, visemes: [rest(0)] };

  // Each syllable's shapes at positions on the voiced time line (pauses cut out).
  const positions = syllablePositions(syllables, segments);
  const events: { at: number; shape: MouthShape; syllable: string }[] = [];
  syllables.forEach((syllable, index) => {
    const { at, length } = positions[index];
    const onset = onsetShape(syllable.initial);
    const held = finalShape(syllable.initial, syllable.final);
    if (onset && onset !== held) {
      events.push({ at, shape: onset, syllable: syllable.text });
      events.push({ at: at + length * ONSET_SHARE, shape: held, syllable: syllable.text });
    } else {
      events.push({ at, shape: held, syllable: syllable.text });
    }
  });

  const shortest = Math.min(...positions.map((position) => position.length));
  snapToPauses(events, segments, Math.min(SNAP_SECONDS, shortest * ONSET_SHARE));

  const visemes: Viseme[] = [];
  if (segments[0].start > 0) visemes.push(rest(0));
  let next = 0;
  let voicedBefore = 0;
  let active: (typeof events)[number] | undefined;
  segments.forEach((segment, index) => {
    const length = segment.end - segment.start;
    const last = index === segments.length - 1;
    const inside: typeof events = [];
    while (next < events.length && (last || events[next].at < voicedBefore + length)) {
      inside.push(events[next]);
      next += 1;
    }
    // After a pause the syllable that was cut by it goes on.
    if (active && (inside.length === 0 || inside[0].at > voicedBefore)) {
      visemes.push({ t: milliseconds(segment.start), shape: active.shape, syllable: active.syllable });
    }
    for (const event of inside) {
      const t = segment.start + Math.min(length, Math.max(0, event.at - voicedBefore));
      visemes.push({ t: milliseconds(t), shape: event.shape, syllable: event.syllable });
      active = event;
    }
    visemes.push(rest(Math.min(segment.end, duration)));
    voicedBefore += length;
  });
  return { duration: milliseconds(duration), visemes: dropRepeats(visemes) };
}

/**
 * Where each syllable starts on the voiced time line and how long it lasts there. When the audio
 * has at least as many voiced stretches as the text has phrases, its longest pauses are taken as
 * the pauses between the phrases and each phrase shares out its own stretches; otherwise all
 * syllables share all voiced time.
 */
function syllablePositions(
  syllables: readonly Syllable[],
  segments: readonly VoicedSegment[],
): { at: number; length: number }[] {
  const starts: number[] = [];
  let voiced = 0;
  for (const segment of segments) {
    starts.push(voiced);
    voiced += segment.end - segment.start;
  }
  starts.push(voiced);
  const phraseOf = (syllable: Syllable) => syllable.phrase ?? 0;
  const phrases = syllables.length === 0 ? 0 : phraseOf(syllables[syllables.length - 1]) + 1;
  const evenly = (count: number, from: number, to: number) =>
    Array.from({ length: count }, (_, index) => ({
      at: from + ((to - from) * index) / count,
      length: (to - from) / count,
    }));
  if (phrases < 2 || segments.length < phrases) return evenly(syllables.length, 0, voiced);

  const cuts = segments
    .slice(1)
    .map((segment, index) => ({ segment: index + 1, gap: segment.start - segments[index].end }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, phrases - 1)
    .map((cut) => cut.segment)
    .sort((a, b) => a - b);
  const bounds = [0, ...cuts, segments.length];
  const positions: { at: number; length: number }[] = [];
  for (let phrase = 0; phrase < phrases; phrase += 1) {
    const count = syllables.filter((syllable) => phraseOf(syllable) === phrase).length;
    positions.push(...evenly(count, starts[bounds[phrase]], starts[bounds[phrase + 1]]));
  }
  return positions;
}

/**
 * Moves events that fall just before or after a pause onto the start of the voiced segment after
 * it: equal shares rarely meet the pauses exactly, and a shape shown for a few milliseconds
 * before the mouth rests only flickers.
 */
function snapToPauses(events: { at: number }[], segments: readonly VoicedSegment[], tolerance: number): void {
  let boundary = 0;
  const boundaries: number[] = [];
  segments.forEach((segment, index) => {
    if (index > 0) boundaries.push(boundary);
    boundary += segment.end - segment.start;
  });
  for (const event of events) {
    const near = boundaries.find((position) => Math.abs(event.at - position) < tolerance);
    if (near !== undefined) event.at = near;
  }
}

/** Keyframes that change nothing, and earlier keyframes at the same instant, are dropped. */
function dropRepeats(visemes: readonly Viseme[]): Viseme[] {
  const out: Viseme[] = [];
  for (const viseme of visemes) {
    const previous = out[out.length - 1];
    if (previous && previous.t === viseme.t) out.pop();
    const before = out[out.length - 1];
    if (before && before.shape === viseme.shape && before.syllable === viseme.syllable) continue;
    out.push(viseme);
  }
  return out;
}
