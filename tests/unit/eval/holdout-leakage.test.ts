/**
 * The holdout leakage check on a small temporary project: a lexicon key or language cue copied from a
 * holdout question is flagged with its file and line; general vocabulary (in a catalog or a dictionary
 * word), short keys and phrases found only in dev questions pass.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cueEntry,
  findHoldoutLeaks,
  formatLeaks,
  jiebaDictionaryWords,
  lexiconKeys,
  literalHanRuns,
} from '../../../eval/check-holdout-leakage.ts';

const DICTIONARY = ['营业执照', '户口', '工作人员'];

let root: string | undefined;
afterEach(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
  root = undefined;
});

async function project(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(os.tmpdir(), 'daoban-leakage-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

const CATALOG = JSON.stringify({
  version: '1',
  items: [{ id: 'A1', name: '河道采砂许可', conditions: ['持有采砂船舶'] }],
});

const clean = {
  'knowledge/data/catalog.json': CATALOG,
  'knowledge/data/lexicon/colloquial.txt': [
    '# 这一行是注释，不是词条：抽砂船去哪办',
    '采砂船舶 | 挖砂 => 河道采砂许可', // in the catalog; 挖砂 is short
    '办营业执照 | 营业执照 => 设立登记', // 营业执照 is a dictionary word; 办营业执照 occurs in no holdout line
    'business license => 营业执照', // no Han characters: not checked
  ].join('\n'),
  'knowledge/language/zh-CN/handover.txt': [
    '# Format: class<TAB>entry<TAB>source',
    'handover\t找(个)?工作人员\tgeneral:request', // 工作人员 is a dictionary word
    'handover\t[我俺]要投诉你们\tgeneral:complaint', // literal run 要投诉你们 does not occur
  ].join('\n'),
  'eval/data/devsets/s/dev/questions.jsonl': '{"q": "我家屋头抽砂子的船要啥证", "expect": "A1"}\n',
  'eval/data/devsets/s/holdout/questions.jsonl': [
    '{"q": "我有采砂船舶，想挖砂", "expect": "A1"}',
    '{"q": "business license 怎么办，找工作人员", "expect": "A1"}',
  ].join('\n'),
};

describe('holdout leakage check', () => {
  it('passes a project whose keys and cues are general vocabulary or absent from holdout', async () => {
    expect(await findHoldoutLeaks(await project(clean), { dictionary: DICTIONARY })).toEqual([]);
  });

  it('flags a key planted from a holdout question, with its file and line and the holdout line', async () => {
    const dir = await project({
      ...clean,
      'knowledge/data/lexicon/situations.txt': '# situations\n\n屋头抽砂子 | 抽砂子的船 => 河道采砂许可\n',
      'eval/data/devsets/s/holdout/dialogues.jsonl':
        '{"turns": ["你好", "我们屋头抽砂子的船要办啥"], "expect": "A1"}\n',
    });
    const leaks = await findHoldoutLeaks(dir, { dictionary: DICTIONARY });
    expect(leaks).toEqual([
      {
        kind: 'lexicon key',
        term: '屋头抽砂子',
        source: 'knowledge/data/lexicon/situations.txt:3',
        holdout: 'eval/data/devsets/s/holdout/dialogues.jsonl:1',
      },
      {
        kind: 'lexicon key',
        term: '抽砂子的船',
        source: 'knowledge/data/lexicon/situations.txt:3',
        holdout: 'eval/data/devsets/s/holdout/dialogues.jsonl:1',
      },
    ]);
    expect(formatLeaks(leaks)).toContain(
      'knowledge/data/lexicon/situations.txt:3: lexicon key "屋头抽砂子" occurs in holdout eval/data/devsets/s/holdout/dialogues.jsonl:1',
    );
  });

  it('flags the literal run of a planted language cue', async () => {
    const dir = await project({
      ...clean,
      'knowledge/language/zh-CN/aspects.txt':
        'materials\t要(带|准备)啥证\tgeneral:x\nwhere\t去哪个窗口交材料\tgeneral:y\n',
      'eval/data/devsets/s/holdout/questions.jsonl':
        '{"q": "河道采砂许可去哪个窗口交材料？", "expect": "A1"}\n',
    });
    const leaks = await findHoldoutLeaks(dir, { dictionary: DICTIONARY });
    expect(leaks.map((leak) => [leak.kind, leak.term, leak.source])).toEqual([
      ['language cue', '去哪个窗口交材料', 'knowledge/language/zh-CN/aspects.txt:2'],
    ]);
  });

  it('reads keys, cue entries and the literal runs of patterns', () => {
    expect(lexiconKeys('开饭店 | 开餐馆 => 餐饮, 食品经营许可')).toEqual(['开饭店', '开餐馆']);
    expect(lexiconKeys('# 开饭店 | 开餐馆 => 餐饮')).toEqual([]);
    expect(cueEntry('complaint\t(急|烦|气)死了\tgeneral:degree')).toBe('(急|烦|气)死了');
    expect(cueEntry('转人工服务\t@source hall:x')).toBe('转人工服务');
    expect(cueEntry('转人工服务 @source hall:x')).toBe('转人工服务');
    expect(cueEntry('# 注释')).toBeUndefined();
    expect(literalHanRuns('(急|烦|气)死了')).toEqual(['急', '烦', '气', '死了']);
    expect(literalHanRuns('[我俺]想找个人工客服')).toEqual(['想找个人工客服']);
    expect(literalHanRuns('找个?工作人员')).toEqual(['找', '工作人员']);
    expect(literalHanRuns('办不成事\\s*窗口')).toEqual(['办不成事', '窗口']);
  });

  it("reads jieba's shipped dictionary", () => {
    const words = jiebaDictionaryWords();
    expect(words.length).toBeGreaterThan(300_000);
    expect(words).toContain('营业执照');
  });
});
