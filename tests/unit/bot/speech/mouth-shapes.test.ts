import { describe, expect, it } from 'vitest';
import { finalShape, onsetShape, syllablesOf } from '../../../../bot/speech/mouth-shapes.ts';

const shapesOf = (text: string) =>
  syllablesOf(text).map((syllable) => [
    syllable.text,
    onsetShape(syllable.initial) ?? '-',
    finalShape(syllable.initial, syllable.final),
  ]);

describe('mouth shapes from pinyin', () => {
  it('closes the lips for b p m and brings the teeth together for f and the sibilants', () => {
    expect(shapesOf('八怕妈')).toEqual([
      ['ba', 'closed', 'open'],
      ['pa', 'closed', 'open'],
      ['ma', 'closed', 'open'],
    ]);
    for (const initial of ['f', 'z', 'c', 's', 'zh', 'ch', 'sh', 'r', 'j', 'q', 'x']) {
      expect(onsetShape(initial)).toBe('narrow');
    }
    for (const initial of ['d', 't', 'n', 'l', 'g', 'k', 'h', 'y', 'w', '']) {
      expect(onsetShape(initial)).toBeUndefined();
    }
  });

  it('opens for a, rounds for o and u, half opens for e, keeps narrow for i and ü, spreads for ai ei an en', () => {
    expect(shapesOf('大家要帮忙').map(([, , shape]) => shape)).toEqual([
      'open',
      'open',
      'open',
      'open',
      'open',
    ]);
    expect(shapesOf('我多口五用').map(([, , shape]) => shape)).toEqual([
      'round',
      'round',
      'round',
      'round',
      'round',
    ]);
    expect(shapesOf('可的业月').map(([, , shape]) => shape)).toEqual(['mid', 'mid', 'mid', 'mid']);
    expect(shapesOf('一你是去女云').map(([, , shape]) => shape)).toEqual([
      'narrow',
      'narrow',
      'narrow',
      'narrow',
      'narrow',
      'narrow',
    ]);
    expect(shapesOf('开给办本点问').map(([, , shape]) => shape)).toEqual([
      'wide',
      'wide',
      'wide',
      'wide',
      'wide',
      'wide',
    ]);
  });

  it('treats u after j q x y as ü, and the syllabic nasal 嗯 as closed', () => {
    expect(finalShape('j', 'u')).toBe('narrow');
    expect(finalShape('x', 'uan')).toBe('wide');
    expect(finalShape('l', 'u')).toBe('round');
    expect(shapesOf('嗯')).toEqual([['ng', '-', 'closed']]);
  });

  it('says Latin letters by their names and skips punctuation', () => {
    expect(syllablesOf('C十四，B区。').map((syllable) => syllable.text)).toEqual([
      'xi',
      'shi',
      'si',
      'bi',
      'qu',
    ]);
    expect(syllablesOf('AF').map((syllable) => syllable.text)).toEqual(['ei', 'ai', 'fu']);
  });
});
