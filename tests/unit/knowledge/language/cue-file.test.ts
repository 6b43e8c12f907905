import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadChineseCues } from '../../../../knowledge/language/chinese-cues.ts';
import { compileCueFile, loadCueClasses, parseCueFile } from '../../../../knowledge/language/cue-file.ts';
import { LanguageDataError } from '../../../../knowledge/language/language-data-error.ts';

const SHIPPED = fileURLToPath(new URL('../../../../knowledge/language/zh-CN/', import.meta.url));

function errorOf(action: () => unknown): LanguageDataError {
  try {
    action();
  } catch (error) {
    if (error instanceof LanguageDataError) return error;
    throw error;
  }
  throw new Error('expected a LanguageDataError');
}

describe('cue files', () => {
  it('parses entries with their class, source and line, skipping comments and blank lines', () => {
    const entries = parseCueFile('# a comment\n\nfee\t多少钱\tgeneral:price-question\n', 'test.txt');
    expect(entries).toEqual([
      { className: 'fee', pattern: '多少钱', source: 'general:price-question', file: 'test.txt', line: 3 },
    ]);
  });

  it('compiles each class to one pattern that matches any of its entries', () => {
    const classes = compileCueFile(
      'emotion\t(急|烦)死了\tgeneral:degree-complement\nemotion\t崩溃\tgeneral:emotion-word\n',
      'test.txt',
      ['emotion'],
    );
    expect(classes.emotion.pattern.test('真是烦死了')).toBe(true);
    expect(classes.emotion.pattern.test('我要崩溃')).toBe(true);
    expect(classes.emotion.pattern.test('社保卡怎么补')).toBe(false);
    expect('急死了，烦死了'.match(classes.emotion.global)).toHaveLength(2);
  });

  it('expands {clause} to a character that stays inside the clause', () => {
    const classes = compileCueFile('failure\t说{clause}{0,4}不行\tgeneral:test\n', 'test.txt', ['failure']);
    expect(classes.failure.pattern.test('他说材料不行')).toBe(true);
    expect(classes.failure.pattern.test('他说好的,不行')).toBe(false);
  });

  it.each([
    ['fee\t多少钱\n', /test\.txt:1: expected 3 tab-separated fields/],
    ['# ok\nfee\t多少钱\tgeneral:a\tmore\n', /test\.txt:2: expected 3 tab-separated fields/],
    ['Fee\t多少钱\tgeneral:a\n', /test\.txt:1: bad class name/],
    ['fee\t多少钱\tsomewhere\n', /test\.txt:1: bad source "somewhere"/],
    ['fee\t(多少钱\tgeneral:a\n', /test\.txt:1: entry is not a valid pattern/],
    ['fee\t(钱)?\tgeneral:a\n', /test\.txt:1: entry matches the empty string/],
    ['fee\t多少钱\tgeneral:a\nfees\t价格\tgeneral:a\n', /test\.txt:2: unknown class "fees"/],
  ])('rejects a malformed file with its file and line (%j)', (text, message) => {
    const error = errorOf(() => compileCueFile(text, 'test.txt', ['fee']));
    expect(error.code).toBe('LANGUAGE_DATA_INVALID');
    expect(error.message).toMatch(message);
  });

  it('rejects an expected class left without entries', () => {
    const error = errorOf(() => compileCueFile('fee\t多少钱\tgeneral:a\n', 'test.txt', ['fee', 'time']));
    expect(error.message).toMatch(/class "time" has no entries/);
  });

  it('names the file and line when a file on disk is malformed', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cues-'));
    const file = path.join(folder, 'broken.txt');
    writeFileSync(file, 'fee\t多少钱\tgeneral:a\nfee 价格 general:a\n');
    const error = errorOf(() => loadCueClasses(file, ['fee']));
    expect(error.file).toBe('broken.txt');
    expect(error.line).toBe(2);
  });

  it('loads the shipped zh-CN files, every entry with a general, dict or hall source', () => {
    const cues = loadChineseCues();
    expect(Object.keys(cues.hardCases)).toEqual([
      'dispute',
      'failure',
      'uncovered',
      'special_needs',
      'ruling',
      'record_error',
      'emotion',
    ]);
    for (const name of readdirSync(SHIPPED).filter((file) => file.endsWith('.txt'))) {
      const entries = parseCueFile(readFileSync(path.join(SHIPPED, name), 'utf8'), name);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.source).toMatch(/^(general|dict|hall):/);
    }
  });
});
