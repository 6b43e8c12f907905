/**
 * Catalogs as halls really keep them, end to end: a 45-item catalog with the quirks of real exports
 * loads with no error and its consistency findings as warnings, builds an index that keeps every
 * null limit, and the assistant on that index says 无法定时限 instead of a number; a GBK CSV export of
 * the shipped catalog (what Excel on Chinese Windows saves) loads as the JSON does.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant } from '../../../bot/open-assistant.ts';
import { emptyDialogueState } from '../../../bot/types.ts';
import { buildIndex, type BuildSummary } from '../../../ingest/build-index.ts';
import { loadCatalogFile, readCatalogReport } from '../../../ingest/loaders/load-catalog.ts';
import { LexicalEmbedder } from '../../../knowledge/embedders/lexical-embedder.ts';
import { openIndex } from '../../../knowledge/index/index-store.ts';
import { catalogCsvRows, writeCsv } from '../../fixtures/catalogs/write-catalogs.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const shippedCatalog = path.join(root, 'knowledge/data/catalog.json');
const hallFile = path.join(root, 'knowledge/data/hall.json');
const ITEM_COUNT = 45;
// Spellings of "no legal limit" found in real exports, used in turn on the 公共服务 items.
const NO_LIMIT = ['', null, '无', '无法定时限', '—'];

type RawItem = Record<string, unknown> & {
  id: string;
  type: string;
  materials: Array<Record<string, unknown>>;
};

/**
 * The first 45 shipped items, rewritten with the quirks of a hall's own file: 免提交 as true/false
 * with a note, 公共服务 items without a legal limit, limits and booleans as words, full-width digits;
 * and exactly three broken consistency rules.
 */
async function quirkyCatalog(): Promise<{ raw: Record<string, unknown>; nullIds: string[] }> {
  const shipped = JSON.parse(await readFile(shippedCatalog, 'utf8')) as { items: RawItem[] } & Record<
    string,
    unknown
  >;
  const items = shipped.items.slice(0, ITEM_COUNT).map((item) => structuredClone(item));
  const nullIds: string[] = [];
  let publicIndex = 0;
  items.forEach((item, index) => {
    item.commitment = item.commitment ? '是' : '否';
    if (typeof item.legalDays === 'number' && index % 3 === 0) item.legalDays = `${item.legalDays}个工作日`;
    if (item.kind === '即办件' && index % 2 === 0) item.promisedDays = '即办';
    if (typeof item.promisedDays === 'number' && index % 5 === 1) {
      item.promisedDays = String(item.promisedDays).replace(/\d/g, (digit) =>
        String.fromCharCode(0xff10 + Number(digit)),
      );
    }
    if (item.type === '公共服务') {
      item.legalDays = NO_LIMIT[publicIndex % NO_LIMIT.length];
      publicIndex += 1;
      nullIds.push(item.id);
    }
    item.materials.forEach((material, position) => {
      if (typeof material.exempt === 'string' && position % 2 === 0) {
        material.note = material.exempt;
        material.exempt = true;
      } else if (material.exempt === undefined && position % 3 === 1) {
        material.exempt = false;
        material.note = '须提交原件核验';
      }
    });
  });
  const byId = (id: string) => items.find((item) => item.id === id)!;
  // 全程网办 with one visit (to collect the licence); promised above legal; a fee with no basis.
  byId('QYKB-001').visits = 1;
  byId('GCJS-004').promisedDays = 9;
  byId('SHMS-021').fee = '工本费每证10元';
  return { raw: { ...shipped, items, themes: [] }, nullIds };
}

let work: string;
let catalogFile: string;
let nullIds: string[];
let summary: BuildSummary;
const embedder = new LexicalEmbedder();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'daoban-realistic-'));
  catalogFile = path.join(work, 'hall-catalog.json');
  const quirky = await quirkyCatalog();
  nullIds = quirky.nullIds;
  await writeFile(catalogFile, JSON.stringify(quirky.raw, null, 2));
  summary = await buildIndex({ catalogFile, hallFile, outDir: path.join(work, 'index'), embedder });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('a 45-item catalog as a hall keeps it', () => {
  it('loads with no error and the consistency findings as warnings with row, field and reason', async () => {
    const report = await readCatalogReport(catalogFile);
    expect(report.errors).toEqual([]);
    expect(report.catalog?.items).toHaveLength(ITEM_COUNT);
    expect(report.warnings.map(({ itemId, field }) => [itemId, field])).toEqual([
      ['QYKB-001', 'items[0].visits'],
      ['GCJS-004', 'items[15].promisedDays'],
      ['SHMS-021', 'items[41].fee'],
    ]);
    expect(report.warnings[0].message).toBe(
      '第 1 条事项「跑动次数」（items[0].visits）：网办深度为“全程网办”时应为 0，实际为“1”',
    );
    expect(report.warnings.every((warning) => warning.file === catalogFile && warning.row)).toBe(true);
    const strict = await readCatalogReport(catalogFile, { strict: true });
    expect(strict.catalog).toBeUndefined();
    expect(strict.errors).toHaveLength(3);
  });

  it('reads every quirk into the one model', async () => {
    const catalog = await loadCatalogFile(catalogFile);
    expect(nullIds.length).toBeGreaterThanOrEqual(NO_LIMIT.length);
    for (const id of nullIds) expect(catalog.items.find((item) => item.id === id)?.legalDays, id).toBeNull();
    const materials = catalog.items.flatMap((item) => item.materials);
    expect(materials.some((m) => m.exempt === true && m.exemptNote && m.note === undefined)).toBe(true);
    expect(materials.some((m) => m.exempt === false && m.note === '须提交原件核验')).toBe(true);
    expect(materials.every((m) => m.exempt !== true || typeof m.exemptNote === 'string')).toBe(true);
    expect(catalog.items.every((item) => typeof item.commitment === 'boolean')).toBe(true);
    const shipped = await loadCatalogFile(shippedCatalog);
    // Limits written as words or in full width are the numbers of the shipped record.
    for (const item of catalog.items) {
      const original = shipped.items.find((entry) => entry.id === item.id)!;
      if (item.type !== '公共服务') expect(item.legalDays, item.id).toBe(original.legalDays);
      if (item.id !== 'GCJS-004') expect(item.promisedDays, item.id).toBe(original.promisedDays);
    }
  });

  it('builds an index despite the warnings, and the index keeps the null limits', async () => {
    expect(summary).toMatchObject({ items: ITEM_COUNT, warnings: 3 });
    expect(summary.warningDetails.map((warning) => warning.itemId)).toEqual([
      'QYKB-001',
      'GCJS-004',
      'SHMS-021',
    ]);
    const index = await openIndex(path.join(work, 'index'), { embedder });
    const stored = await readFile(path.join(index.folder, 'catalog.json'), 'utf8');
    expect(stored.match(/"legalDays": null/g)).toHaveLength(nullIds.length);
    for (const id of nullIds) {
      expect(index.catalog.items.find((item) => item.id === id)?.legalDays, id).toBeNull();
      const chunk = index.chunks.find((entry) => entry.id === `item:${id}:summary`);
      expect(chunk?.text, id).toContain('无法定时限');
    }
  });

  it('answers 无法定时限 where the catalog sets no legal limit, never a number', async () => {
    const assistant = await openAssistant({ indexDir: path.join(work, 'index'), embedder });
    const { answer } = await assistant.reply('残疾人证办理要多长时间', emptyDialogueState());
    expect(answer.intent).toBe('time');
    expect(answer.items[0]?.id).toBe('SHMS-018');
    expect(nullIds).toContain('SHMS-018');
    expect(answer.answer).toContain('法定时限：无法定时限。');
    expect(answer.answer).toContain('承诺时限：10个工作日。');
    expect(answer.answer).not.toMatch(/法定时限：?\d/);
    expect(answer.card).toMatchObject({ legalDays: null, promisedDays: 10 });
    const overview = (await assistant.reply('残疾人证办理', emptyDialogueState())).answer;
    expect(overview.answer).toContain('办理时限：承诺10个工作日内办结（无法定时限）。');
  });
});

describe('a GBK CSV export of the shipped catalog', () => {
  it('loads with no error and gives the items of the JSON', async () => {
    const shipped = await loadCatalogFile(shippedCatalog);
    const file = path.join(work, '事项清单-GBK.csv');
    await writeCsv(file, catalogCsvRows(shipped), { encoding: 'gbk' });
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.catalog?.items).toHaveLength(shipped.items.length);
    expect(report.catalog?.items).toEqual(shipped.items);
    expect(report.catalog?.hall.name).toBe(shipped.hall.name);
  });
});
