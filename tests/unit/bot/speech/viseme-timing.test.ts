import { describe, expect, it } from 'vitest';
import { syllablesOf } from '../../../../bot/speech/mouth-shapes.ts';
import { analyseSentence } from '../../../../bot/speech/speech-service.ts';
import { alignVisemes, type Viseme } from '../../../../bot/speech/viseme-timing.ts';
import { voicedSegments } from '../../../../bot/speech/voiced-segments.ts';
import { encodeWav, type PcmAudio } from '../../../../bot/speech/wav.ts';

const SAMPLE_RATE = 22_050;

/** Tone where `pattern` says `1`, silence where it says `0`, each step `step` seconds. */
function synthetic(pattern: string, step: number): PcmAudio {
  const perStep = Math.round(step * SAMPLE_RATE);
  const samples = new Int16Array(perStep * pattern.length);
  for (let index = 0; index < samples.length; index += 1) {
    const on = pattern[Math.floor(index / perStep)] === '1';
    // A little noise in the silence, as a real recording has.
    samples[index] = on
      ? Math.round(9000 * Math.sin((2 * Math.PI * 180 * index) / SAMPLE_RATE))
      : (index % 7) - 3;
  }
  return { sampleRate: SAMPLE_RATE, channels: 1, samples };
}

const between = (visemes: readonly Viseme[], from: number, to: number) =>
  visemes.filter((viseme) => viseme.t > from && viseme.t < to);

describe('voiced segments', () => {
  it('finds speech and pauses in the loudness of 10 ms frames', () => {
    const segments = voicedSegments(synthetic('0110011', 0.2));
    expect(segments).toHaveLength(2);
    expect(segments[0].start).toBeCloseTo(0.2, 1);
    expect(segments[0].end).toBeCloseTo(0.6, 1);
    expect(segments[1].start).toBeCloseTo(1.0, 1);
    expect(segments[1].end).toBeCloseTo(1.4, 1);
  });

  it('bridges a stop consonant’s short closure and ignores a click', () => {
    const closure = synthetic('1111101111', 0.02);
    expect(voicedSegments(closure)).toHaveLength(1);
    const click = synthetic('000000000000000000001000000000', 0.01);
    expect(voicedSegments({ ...click, samples: click.samples })).toEqual([]);
    expect(voicedSegments(synthetic('0000', 0.1))).toEqual([]);
  });
});

describe('viseme timing', () => {
  const audio = synthetic('11111000011111', 0.1);
  const track = alignVisemes(syllablesOf('请到窗口'), voicedSegments(audio), 1.4);

  it('is in time order, within the audio, and starts and ends at rest', () => {
    const times = track.visemes.map((viseme) => viseme.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(track.duration);
    expect(track.visemes.at(-1)).toMatchObject({ shape: 'rest', syllable: '' });
    expect(track.visemes[0].t).toBe(0);
  });

  it('rests in the pause and shares the voiced time among the syllables', () => {
    const pauseStart = track.visemes.find((viseme) => viseme.shape === 'rest');
    expect(pauseStart?.t).toBeCloseTo(0.5, 1);
    // Nothing moves during the pause.
    expect(between(track.visemes, 0.55, 0.85)).toEqual([]);
    const starts = (syllable: string) =>
      track.visemes.find((viseme) => viseme.syllable === syllable)?.t ?? -1;
    expect(starts('qing')).toBe(0);
    expect(starts('dao')).toBeCloseTo(0.25, 1);
    expect(starts('chuang')).toBeCloseTo(0.9, 1);
    expect(starts('kou')).toBeCloseTo(1.15, 1);
    // 请 (q + ing) starts on its onset, then holds its final.
    expect(track.visemes[0]).toEqual({ t: 0, shape: 'narrow', syllable: 'qing' });
    expect(track.visemes[1]).toMatchObject({ shape: 'open', syllable: 'dao' });
  });

  it('goes on with a syllable the pause cut, and rests at a leading silence', () => {
    const cut = alignVisemes(syllablesOf('大家好'), voicedSegments(synthetic('0111000111', 0.1)), 1.0);
    expect(cut.visemes[0]).toEqual({ t: 0, shape: 'rest', syllable: '' });
    const afterPause = cut.visemes.find((viseme) => viseme.t >= 0.69 && viseme.shape !== 'rest');
    expect(afterPause?.syllable).toBe('jia');
    expect(afterPause?.t).toBeCloseTo(0.7, 1);
  });

  it('matches the longest pauses to the text’s pause marks, each phrase on its own speech', () => {
    // 请到窗口 (four syllables) takes half a second, 好 a fifth: shared out evenly over all voiced
    // time, 好 would start inside the first stretch.
    const starts = (text: string, pattern: string) => {
      const track = alignVisemes(
        syllablesOf(text),
        voicedSegments(synthetic(pattern, 0.1)),
        pattern.length / 10,
      );
      return (syllable: string) => track.visemes.find((viseme) => viseme.syllable === syllable)?.t ?? -1;
    };
    const phrased = starts('请到窗口，好。', '11111000011');
    expect(phrased('hao')).toBeCloseTo(0.9, 1);
    expect(phrased('kou')).toBeCloseTo(0.375, 1);
    // A shorter pause inside the first phrase is not taken for the comma's.
    const inner = starts('请到窗口，好。', '1110110000011');
    expect(inner('hao')).toBeCloseTo(1.1, 1);
    expect(inner('kou')).toBeLessThan(0.7);
    expect(syllablesOf('请到窗口，好。').map((syllable) => syllable.phrase)).toEqual([0, 0, 0, 0, 1]);
  });

  it('stays at rest for silence or for a text without syllables', () => {
    expect(alignVisemes(syllablesOf('你好'), [], 1).visemes).toEqual([{ t: 0, shape: 'rest', syllable: '' }]);
    expect(alignVisemes([], [{ start: 0, end: 1 }], 1).visemes).toEqual([
      { t: 0, shape: 'rest', syllable: '' },
    ]);
  });

  it('analyses a WAV file end to end', () => {
    const analysed = analyseSentence('八，妈', encodeWav(synthetic('1110000111', 0.1)));
    expect(analysed.track.duration).toBeCloseTo(1, 2);
    expect(analysed.track.visemes.map((viseme) => viseme.shape)).toEqual([
      'closed',
      'open',
      'rest',
      'closed',
      'open',
      'rest',
    ]);
  });
});
