/**
 * The pre-check over HTTP, on the shipped catalog: the situation questions of an item, and
 * `POST /api/v1/precheck` with situations given as answers or as free text, conditional and
 * unconditional exemptions, deferrable (容缺) materials, and the same result as the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, useHarness } from '../../helpers/server-harness.ts';

const harness = useHarness();
const root = path.resolve(import.meta.dirname, '../../..');

interface Question {
  key: string;
  text: string;
  options: string[];
  materials: string[];
}

interface PrecheckOutput {
  item: { id: string; name: string };
  missing: Array<{ name: string; note?: string }>;
  invalid: Array<{ field: string; reason: string }>;
  deferrable: Array<{ name: string }>;
  exempt: Array<{ name: string; note: string }>;
  matched: Array<{ said: string; material: string }>;
  unrecognised: string[];
  notice: string;
  error?: { code: string; message: string };
}

interface ChecklistEntry {
  name: string;
  required: string;
  when?: string;
  exempt?: string;
}

async function questionsOf(
  id: string,
): Promise<{ status: number; body: { item: unknown; questions: Question[]; materials: ChecklistEntry[] } }> {
  const response = await fetch(`${harness.url}/api/v1/items/${encodeURIComponent(id)}/precheck-questions`);
  return {
    status: response.status,
    body: (await response.json()) as { item: unknown; questions: Question[]; materials: ChecklistEntry[] },
  };
}

async function check(body: unknown): Promise<{ status: number; body: PrecheckOutput }> {
  const response = await fetch(`${harness.url}/api/v1/precheck`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as PrecheckOutput };
}

const names = (entries: Array<{ name: string }>) => entries.map((entry) => entry.name);

describe('GET /api/v1/items/:id/precheck-questions', () => {
  it('asks one simple choice per condition of the item, with stable keys', async () => {
    const { status, body } = await questionsOf('SHMS-001');
    expect(status).toBe(200);
    expect(body.item).toEqual({ id: 'SHMS-001', name: '社会保障卡申领' });
    expect(body.questions).toEqual([
      {
        key: 'minor',
        text: '是否申领人未满16周岁或为无民事行为能力人？',
        options: ['是', '否'],
        materials: ['监护人居民身份证及监护关系证明'],
      },
      {
        key: 'agent',
        text: '是否委托他人代为办理？',
        options: ['是', '否'],
        materials: ['代办人居民身份证及授权委托书'],
      },
      {
        key: 'face',
        text: '是否在窗口通过人脸识别核验身份？',
        options: ['是', '否'],
        materials: ['居民身份证'],
      },
    ]);
  });

  it('lists the materials as a checklist with when each applies', async () => {
    const { body } = await questionsOf('SHMS-001');
    expect(body.materials.map((material) => material.name)).toContain('居民身份证');
    const guardian = body.materials.find((material) => material.name === '监护人居民身份证及监护关系证明');
    expect(guardian).toMatchObject({ required: '情形', when: expect.stringContaining('未满16周岁') });
    expect(body.materials.every((material) => ['必要', '容缺', '情形'].includes(material.required))).toBe(
      true,
    );
  });

  it('offers the alternatives when materials differ by one choice', async () => {
    const land = (await questionsOf('GCJS-002')).body.questions;
    expect(land[0]).toMatchObject({ key: 'c1', text: '以哪种方式取得土地？', options: ['出让', '划拨'] });
    expect(land.map((question) => question.key)).toEqual(['c1', 'agent', 'licensed']);
    const residence = (await questionsOf('SHMS-023')).body.questions;
    expect(residence[0].options).toEqual(['合法稳定住所', '合法稳定就业', '连续就读']);
    const food = (await questionsOf('QYKB-006')).body.questions.map((question) => question.key);
    expect(food).toEqual(['commitment', 'c1', 'agent', 'licensed', 'face', 'c2']);
  });

  it('answers 404 for an item the catalog does not have', async () => {
    const { status, body } = await questionsOf('NOPE-404');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'ITEM_NOT_FOUND' } });
  });
});

describe('POST /api/v1/precheck', () => {
  it('keeps a conditionally exempt ID card required and says how it may be spared', async () => {
    const { status, body } = await check({ itemId: 'SHMS-001', provided: [] });
    expect(status).toBe(200);
    expect(body.missing).toEqual([{ name: '居民身份证', note: '如现场人脸识别核验通过可不提交' }]);
    expect(body.exempt).toEqual([
      { name: '近期免冠彩色证件照片', note: '可调用公安部门制证照片，或在窗口免费现场拍摄' },
    ]);
    expect(body.notice).toContain('居民身份证：需要；如现场人脸识别核验通过可不提交');
    expect(body.notice).not.toContain('必要材料已齐全');
    // Unanswered conditions are listed, not dropped.
    expect(body.notice).toContain('如属于委托他人代为办理的情形，还需代办人居民身份证及授权委托书');
  });

  it('reads a situation given as answers', async () => {
    const { body } = await check({
      itemId: 'SHMS-001',
      provided: [],
      situation: { face: true, agent: '是', minor: false },
    });
    expect(body.missing).toEqual([{ name: '代办人居民身份证及授权委托书', note: '委托他人代为办理的' }]);
    expect(names(body.exempt)).toEqual(['居民身份证', '近期免冠彩色证件照片']);
    expect(body.notice).not.toContain('监护人居民身份证');
  });

  it('reads a situation given as free text the same way', async () => {
    const { body } = await check({
      itemName: '社会保障卡申领',
      provided: ['身份证'],
      situation: '我让朋友帮我代办，不是未满16周岁',
    });
    expect(body.missing).toEqual([{ name: '代办人居民身份证及授权委托书', note: '委托他人代为办理的' }]);
    expect(body.matched).toContainEqual({ said: '身份证', material: '居民身份证' });
    expect(body.notice).not.toContain('监护人居民身份证');
  });

  it('requires only the materials of the alternative chosen', async () => {
    const allotted = await check({
      itemId: 'GCJS-002',
      provided: ['申请表'],
      situation: { c1: '划拨', licensed: true },
    });
    expect(names(allotted.body.missing)).toEqual(['宗地界址坐标及用地范围图']);
    expect(names(allotted.body.exempt)).toEqual([
      '建设单位营业执照或法人证书',
      '建设项目用地预审与选址意见书',
      '项目批准、核准或备案文件',
    ]);
    const sold = await check({ itemId: 'GCJS-002', provided: ['申请表'], situation: { c1: '出让' } });
    expect(names(sold.body.missing)).toEqual([
      '建设单位营业执照或法人证书',
      '国有建设用地使用权出让合同及附图、规划条件',
      '宗地界址坐标及用地范围图',
    ]);
    expect(sold.body.missing[0].note).toBe('如已领取营业执照可不提交');
  });

  it('lists 容缺 materials as deferrable, not missing', async () => {
    const { body } = await check({ itemId: 'SHMS-017', provided: [] });
    expect(body.deferrable).toEqual([{ name: '导致困难的相关证明' }]);
    expect(names(body.missing)).not.toContain('导致困难的相关证明');
    expect(body.notice).toContain('告知承诺制');
  });

  it('refuses malformed requests with clear messages', async () => {
    const unknownKey = await check({ itemId: 'SHMS-001', situation: { house: '二手房' } });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error).toMatchObject({ code: 'PRECHECK_INPUT_INVALID' });
    expect(unknownKey.body.error?.message).toContain(
      '“house”不是本事项的情形问题；可用的有：minor、agent、face',
    );

    const badValue = await check({ itemId: 'GCJS-002', situation: { c1: true } });
    expect(badValue.status).toBe(400);
    expect(badValue.body.error?.message).toContain('只能填“出让”或“划拨”');

    const tooMany = await check({ itemId: 'SHMS-001', provided: Array.from({ length: 61 }, () => '身份证') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.message).toContain('provided 最多 60 项');

    const noItem = await check({ provided: [] });
    expect(noItem.status).toBe(400);
    expect(noItem.body.error?.message).toContain('请提供事项编码');

    const array = await check([]);
    expect(array.status).toBe(400);

    const unknownItem = await check({ itemName: '申请月球护照' });
    expect(unknownItem.status).toBe(404);
    expect(unknownItem.body.error?.message).toContain('申请月球护照');
  });

  it('gives the same result as npm run precheck -- --jsonl', async () => {
    const cases = [
      { itemId: 'SHMS-001', provided: ['身份证'], situation: '委托他人办理' },
      { itemId: 'GCJS-002', provided: [], situation: { c1: '出让', agent: false } },
      { itemName: '临时救助', provided: ['申请书'], fields: { phone: '12345' } },
    ];
    const indexDir = temporaryFolder('daoban-precheck-http-');
    mkdirSync(path.join(indexDir, 'current'));
    copyFileSync(
      path.join(root, 'knowledge/data/catalog.json'),
      path.join(indexDir, 'current', 'catalog.json'),
    );
    const cli = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'bot/cli/precheck.ts'), '--index', indexDir, '--jsonl'],
      { cwd: root, encoding: 'utf8', input: `${cases.map((entry) => JSON.stringify(entry)).join('\n')}\n` },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = cli.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PrecheckOutput);
    // Over HTTP the pre-check is also kept for its notice (number, key, links, where to go).
    const fromHttp = await Promise.all(
      cases.map(async (entry) => {
        const { precheckNo, noticeKey, noticeUrl, consoleUrl, where, ...result } = (await check(entry))
          .body as PrecheckOutput & Record<string, unknown>;
        expect([precheckNo, noticeKey, noticeUrl, consoleUrl, where].every(Boolean)).toBe(true);
        return result;
      }),
    );
    expect(fromHttp).toEqual(fromCli);
    expect(fromHttp[2].invalid.map((field) => field.field)).toEqual(['phone']);
  });
});
