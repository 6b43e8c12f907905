import { describe, expect, it } from 'vitest';
import {
  MOUTH_GEOMETRY,
  SHAPES,
  estimateVisemes,
  mouthPath,
  shapeAt,
  shapeFromLevel,
  type Viseme,
} from '../../../web-widget/src/kiosk/lip-sync.ts';
import { spokenSummary } from '../../../web-widget/src/kiosk/spoken-summary.ts';

const track: Viseme[] = [
  { t: 0, shape: 'rest', syllable: '' },
  { t: 0.1, shape: 'closed', syllable: 'ban' },
  { t: 0.16, shape: 'wide', syllable: 'ban' },
  { t: 0.4, shape: 'round', syllable: 'hou' },
  { t: 0.7, shape: 'rest', syllable: '' },
  { t: 0.9, shape: 'open', syllable: 'da' },
  { t: 1.2, shape: 'rest', syllable: '' },
];

describe('viseme to mouth', () => {
  it('draws a distinct outline for every shape', () => {
    const paths = SHAPES.map(mouthPath);
    expect(new Set(paths).size).toBe(SHAPES.length);
    for (const path of paths) expect(path).toMatch(/^M[\d.]+ [\d.]+ Q.* Z$/);
  });

  it('opens the mouth widest for a, keeps it shut for b p m and at rest', () => {
    const opening = (shape: keyof typeof MOUTH_GEOMETRY) => MOUTH_GEOMETRY[shape].opening;
    expect(opening('open')).toBeGreaterThan(opening('mid'));
    expect(opening('mid')).toBeGreaterThan(opening('narrow'));
    expect(opening('closed')).toBeLessThan(1);
    expect(opening('rest')).toBe(0);
    expect(MOUTH_GEOMETRY.round.halfWidth).toBeLessThan(MOUTH_GEOMETRY.rest.halfWidth);
    expect(MOUTH_GEOMETRY.wide.halfWidth).toBeGreaterThan(MOUTH_GEOMETRY.rest.halfWidth);
  });
});

describe('keyframe lookup', () => {
  it('holds the last keyframe at or before the time', () => {
    expect(shapeAt(track, 0)).toBe('rest');
    expect(shapeAt(track, 0.1)).toBe('closed');
    expect(shapeAt(track, 0.15)).toBe('closed');
    expect(shapeAt(track, 0.16)).toBe('wide');
    expect(shapeAt(track, 0.5)).toBe('round');
    expect(shapeAt(track, 0.8)).toBe('rest');
    expect(shapeAt(track, 1)).toBe('open');
    expect(shapeAt(track, 1.19)).toBe('open');
    expect(shapeAt(track, 5)).toBe('rest');
  });

  it('rests before the track, after its duration, and without a track', () => {
    const late = track.slice(1);
    expect(shapeAt(late, 0.05)).toBe('rest');
    expect(shapeAt(late, 1.0, 0.95)).toBe('rest');
    expect(shapeAt([], 0.5)).toBe('rest');
    expect(shapeAt(track, Number.NaN)).toBe('rest');
  });

  it('agrees with a linear scan at every moment', () => {
    const linear = (time: number) => [...track].reverse().find((frame) => frame.t <= time)?.shape ?? 'rest';
    for (let time = 0; time < 1.3; time += 0.01) expect(shapeAt(track, time)).toBe(linear(time));
  });
});

describe('loudness fallback', () => {
  it('rests in silence and opens wider as the audio gets louder', () => {
    expect(shapeFromLevel(0)).toBe('rest');
    expect(shapeFromLevel(Number.NaN)).toBe('rest');
    const order = [0.03, 0.08, 0.15, 0.4].map(shapeFromLevel);
    expect(order).toEqual(['narrow', 'mid', 'wide', 'open']);
  });
});

describe('syllable estimate', () => {
  it('gives each character a syllable and pauses at punctuation, starting and ending at rest', () => {
    const { duration, visemes } = estimateVisemes('您好，请到三楼。');
    const voiced = visemes.filter((frame) => frame.shape !== 'rest');
    expect(voiced.map((frame) => frame.syllable).join('')).toBe('您好请到三楼');
    expect(visemes[0]!.shape).toBe('rest');
    expect(visemes.at(-1)!.shape).toBe('rest');
    expect(visemes.filter((frame) => frame.shape === 'rest').length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < visemes.length; index++) {
      expect(visemes[index]!.t).toBeGreaterThanOrEqual(visemes[index - 1]!.t);
    }
    expect(duration).toBeGreaterThan(6 * 0.2);
    expect(shapeAt(visemes, duration + 0.1, duration)).toBe('rest');
  });
});

describe('spoken summary', () => {
  it('says the first sentence or two, not the whole card', () => {
    const answer =
      '办理结婚登记，双方需共同到婚姻登记处。请携带身份证和户口簿。另需三张合影照片。办理时间为工作日九点到五点。';
    expect(spokenSummary(answer)).toBe('办理结婚登记，双方需共同到婚姻登记处。请携带身份证和户口簿。');
  });

  it('stops after a long first sentence and drops markup and links', () => {
    const long = `${'请您先到一楼综合受理窗口取号，'.repeat(4)}然后等待叫号。第二句。`;
    expect(spokenSummary(long)).toBe(`${'请您先到一楼综合受理窗口取号，'.repeat(4)}然后等待叫号。`);
    expect(spokenSummary('**材料**：见[办事指南](https://example.gov.cn/a)。\n- 身份证')).toBe(
      '材料：见办事指南。身份证',
    );
  });

  it('points to the card after an opening that announces a list', () => {
    const answer =
      '办理“内地居民结婚登记”共需4项材料（一次性告知）：\n都要准备的3项：居民身份证、本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明、近期2寸半身免冠双人合影彩色照片。';
    expect(spokenSummary(answer)).toBe('办理“内地居民结婚登记”共需4项材料（一次性告知），详见屏幕上的清单。');
  });

  it('cuts a sentence longer than the limit at a comma', () => {
    const summary = spokenSummary(`${'甲乙丙丁戊己庚辛，'.repeat(20)}完。`);
    expect(Array.from(summary).length).toBeLessThanOrEqual(81);
    expect(summary.endsWith('。')).toBe(true);
  });
});
