/**
 * A hall in another province answers with its own facts. The runtime builds the default index of
 * another hall's catalog and hall.json (the fictional 青川 hall, copied under tests/fixtures, and the
 * Chengdu hall of eval/data, whose 办不成事反映 window is Z04 rather than Z03), and every answer to
 * progress, escalation, hall and item questions names that hall's windows, portals and phones and
 * none of the default hall's.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import type { Answer } from '../../../bot/types.ts';
import { answerHallQuestion } from '../../../bot/hall/answer-hall-question.ts';
import { hallSchema, type Hall } from '../../../knowledge/hall/schema.ts';
import { buildRuntime, type Runtime } from '../../../runtime/build-runtime.ts';
import { removeTemporaryFolders, temporaryFolder } from '../../helpers/server-harness.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const readHall = (file: string): Hall => hallSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

function defaultPortalNames(): string[] {
  const hall = readHall(path.join(root, 'knowledge/data/hall.json'));
  return (hall.portals ?? []).map((portal) => portal.name);
}

/** Runs the hall from these files as `npm start` would: default index built on first use. */
async function runtimeOf(
  folder: string,
  overrides: Parameters<typeof buildRuntime>[1] = {},
): Promise<Runtime> {
  const scratch = temporaryFolder('daoban-other-hall-');
  const docsDir = path.join(scratch, 'policies');
  mkdirSync(docsDir);
  const settings = {
    ...loadSettings({}),
    catalogFile: path.join(folder, 'catalog.json'),
    hallFile: path.join(folder, 'hall.json'),
    docsDir,
    indexDir: path.join(scratch, 'index'),
    chatModel: undefined,
  };
  return buildRuntime(settings, overrides);
}

/** What the default (Shandong) hall would say and another hall must not. */
const DEFAULT_HALL_WORDS = ['爱山东', '山东', '济南', '起步区', ...defaultPortalNames()];
/** 12345 on its own (the default hall's phone and hotline), not part of a number such as 0000-12345. */
const BARE_12345 = /(?<![\d-])12345(?!\d)/;
const WINDOW_CODE = /(?<![A-Za-z0-9])[A-Z]\d{2}(?!\d)/g;

function expectOnlyOwnFacts(text: string, hall: Hall, options: { hotline12345?: boolean } = {}): void {
  for (const word of DEFAULT_HALL_WORDS) expect(text, `"${word}" in:\n${text}`).not.toContain(word);
  if (!options.hotline12345) expect(text).not.toMatch(BARE_12345);
  const ownWindows = new Set(hall.windows.map((window) => window.id));
  const named = [...text.matchAll(WINDOW_CODE)].map((match) => match[0]);
  expect(
    named.filter((id) => !ownWindows.has(id)),
    text,
  ).toEqual([]);
}

const specialId = (hall: Hall, kind: NonNullable<Hall['windows'][number]['special']>): string => {
  const window = hall.windows.find((entry) => entry.special === kind);
  if (!window) throw new Error(`the hall has no ${kind} window`);
  return window.id;
};

afterAll(() => removeTemporaryFolders());

describe('the 青川 hall (portals, hotline and progress lookup in its hall.json)', () => {
  const folder = path.join(root, 'tests/fixtures/qingchuan-hall');
  const hall = readHall(path.join(folder, 'hall.json'));
  let runtime: Runtime;
  const ask = async (question: string): Promise<Answer> => runtime.assistant.ask([question]);

  beforeAll(async () => {
    runtime = await runtimeOf(folder);
  });

  it('builds the default index of the configured catalog and answers with its hall', () => {
    expect(runtime.built?.items).toBe(runtime.catalog.items.length);
    expect(runtime.hall.name).toBe('青川市临河区政务服务中心');
    expect(runtime.chatModel).toBeUndefined();
  });

  it('says how to look up an application through its own portals, windows and hotline', async () => {
    for (const question of ['我的申请办到哪一步了', '怎么查办理进度']) {
      const answer = await ask(question);
      expect(answer.intent).toBe('progress');
      expectOnlyOwnFacts(answer.answer, hall);
      expect(answer.answer).toContain('登录青川市政务服务网或“青川政务”App，在“我的办件”中查看');
      expect(answer.answer).toContain('自助终端上输入件号查询');
      expect(answer.answer).toContain(`综合咨询窗口（${specialId(hall, '综合咨询')}）`);
      expect(answer.answer).toContain(`（${specialId(hall, '办不成事反映')}）`);
      expect(answer.answer).toContain('拨打0000-12345政务服务便民热线');
    }
  });

  it('hands complaints and 办不成事 over with its own window and hotline', async () => {
    for (const question of ['窗口说办不了，我要反映', '我要投诉']) {
      const answer = await ask(question);
      expect(answer.escalate).toBe(true);
      expectOnlyOwnFacts(answer.answer, hall);
      expect(answer.answer).toContain(`反映窗口（${specialId(hall, '办不成事反映')}）当面反映`);
      expect(answer.answer).toContain('0000-12345政务服务便民热线');
    }
  });

  it('answers hall questions from its own hall.json', async () => {
    const questions = ['大厅几点上班', '帮办代办在哪', '大厅电话多少', '我要评价', '停车场在哪'];
    // Whatever the assistant makes of them, no answer carries a fact of the default hall …
    for (const question of questions) expectOnlyOwnFacts((await ask(question)).answer, hall);
    // … and the hall module, on the runtime's hall facts, answers each from this hall's record.
    const hallAnswer = (question: string): string => {
      const text = answerHallQuestion(question, runtime.hall)?.answer ?? '';
      expectOnlyOwnFacts(text, hall);
      return text;
    };
    expect(hallAnswer('大厅几点上班')).toContain('8:30-12:00');
    expect(hallAnswer('帮办代办在哪')).toContain(`窗口号${specialId(hall, '帮办代办')}`);
    expect(hallAnswer('大厅电话多少')).toContain('0000-12345');
    expect(hallAnswer('我要评价').match(/0000-12345政务服务便民热线/g)).toHaveLength(1);
    expect(hallAnswer('停车场在哪')).toContain('地下一层');
  });

  it('answers an item with its own windows, place and phone', async () => {
    for (const question of [
      '河道采砂许可要带什么材料',
      '河道采砂许可在哪个窗口办',
      '河道采砂许可咨询电话多少',
    ]) {
      const answer = await ask(question);
      expect(answer.items[0]?.id).toBe('LH-SL-001');
      expectOnlyOwnFacts(`${answer.answer}\n${JSON.stringify(answer.card ?? {})}`, hall);
    }
    expect((await ask('河道采砂许可在哪个窗口办')).answer).toContain('E01-E02');
  });
});

describe('the same hall with none of the new fields', () => {
  const folder = path.join(root, 'tests/fixtures/qingchuan-hall');
  const full = readHall(path.join(folder, 'hall.json'));
  const { portals: _portals, hotline: _hotline, progressLookup: _progress, ...bare } = full;
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await runtimeOf(folder, { hall: bare });
  });

  it('names no portal and falls back to the national 12345 hotline', async () => {
    const progress = await runtime.assistant.ask(['怎么查办理进度']);
    expect(progress.answer).not.toMatch(/登录|App|政务服务网/);
    expect(progress.answer).toMatch(/^1\. 凭受理回执上的件号，到\S+窗口或一楼综合咨询窗口（Z01）询问；$/mu);
    expect(progress.answer).toContain('2. 拨打12345政务服务便民热线。');
    expectOnlyOwnFacts(progress.answer, full, { hotline12345: true });
    const escalation = await runtime.assistant.ask(['我要投诉']);
    expect(escalation.answer).toContain('或拨打12345政务服务便民热线。');
  });

  it('names no special window the hall does not have', async () => {
    const noSpecials: Hall = { ...bare, windows: bare.windows.filter((window) => !window.special) };
    const other = await runtimeOf(folder, { hall: noSpecials });
    const progress = (await other.assistant.ask(['怎么查办理进度'])).answer;
    expect(progress).toMatch(/件号，到[^，；或]+窗口询问；/u);
    expect(progress).toContain('可以点“转人工”反映。');
    const escalation = (await other.assistant.ask(['我要投诉'])).answer;
    expect(escalation).toContain('您也可以拨打12345政务服务便民热线反映。');
    for (const text of [progress, escalation]) expect(text).not.toMatch(/Z0\d/);
  });
});

describe('the Chengdu hall (its 办不成事反映 window is Z04, 跨区域通办 Z03)', () => {
  const folder = path.join(root, 'eval/data/third-hall');
  const hall = readHall(path.join(folder, 'hall.json'));
  let runtime: Runtime;
  const ask = async (question: string): Promise<Answer> => runtime.assistant.ask([question]);

  beforeAll(async () => {
    runtime = await runtimeOf(folder);
  });

  it('finds the special windows by their role, not their number', async () => {
    expect(specialId(hall, '办不成事反映')).toBe('Z04');
    const escalation = await ask('我要投诉');
    expect(escalation.answer).toContain('“办不成事”反映窗口（Z04）');
    expect(escalation.answer).not.toContain('Z03');
    const progress = await ask('我的申请办到哪一步了');
    expect(progress.answer).toContain('登录四川政务服务网或天府通办App');
    expect(progress.answer).toContain('一楼综合咨询台（Z01）');
    expect(progress.answer).toContain('“办不成事”反映窗口（Z04）反映');
    const crossRegion = answerHallQuestion('跨省通办在哪个窗口', runtime.hall)?.answer ?? '';
    expect(crossRegion).toContain('窗口号Z03');
    const phone = answerHallQuestion('大厅电话多少', runtime.hall)?.answer ?? '';
    expect(phone).toContain('大厅咨询电话：028-8555 8123。');
    expect(phone).toContain('政务服务便民热线：12345。');
    for (const text of [escalation.answer, progress.answer, crossRegion, phone]) {
      expectOnlyOwnFacts(text, hall, { hotline12345: true });
    }
  });
});
