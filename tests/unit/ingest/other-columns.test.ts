/**
 * Columns and fields daoban has no place for: their content is kept on the item as 其他信息 (and
 * indexed), and a tabular file gets one warning per such column, so nothing is dropped silently.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogReport } from '../../../ingest/loaders/load-catalog.ts';
import { chunkItem } from '../../../knowledge/chunking/chunk-item.ts';
import {
  EXPORT_HEADER,
  exportRow,
  writeAwkwardXlsx,
  writeCsv,
} from '../../fixtures/catalogs/write-catalogs.ts';

let folder: string;
beforeEach(async () => (folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-others-'))));
afterEach(async () => rm(folder, { recursive: true, force: true }));

const HEADER = [...EXPORT_HEADER, '权力来源', '中介服务'];
const base = { 办件类型: '即办件', 承诺办结时限: '0' };
const ROWS = [
  exportRow({ ...base, 权力来源: '法定本级行使' }, HEADER),
  exportRow({ ...base, 实施编码: 'GG-002', 事项名称: '档案复制', 中介服务: '无' }, HEADER),
];

describe('columns daoban does not know', () => {
  it('keeps their content on each item of a CSV, with one warning per column', async () => {
    const file = path.join(folder, 'export.csv');
    await writeCsv(file, [HEADER, ...ROWS]);
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    const [first, second] = report.catalog!.items;
    expect(first.extra).toEqual({ 权力来源: '法定本级行使' });
    expect(second.extra).toEqual({ 中介服务: '无' });
    const columns = report.warnings.filter((warning) => warning.message.includes('不是已知的列'));
    expect(columns.map((warning) => [warning.row, warning.column])).toEqual([
      [1, '权力来源'],
      [1, '中介服务'],
    ]);
    expect(columns[0].message).toContain('其他信息');
  });

  it('does the same in an XLSX whose header is not on the first row', async () => {
    const file = path.join(folder, 'export.xlsx');
    await writeAwkwardXlsx(file, HEADER, ROWS);
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    expect(report.catalog!.items.map((item) => item.extra)).toEqual([
      { 权力来源: '法定本级行使' },
      { 中介服务: '无' },
    ]);
    expect(report.warnings.filter((warning) => warning.column === '权力来源')).toHaveLength(1);
  });

  it('keeps unknown JSON fields as text, and indexes them as 其他信息', async () => {
    const file = path.join(folder, 'catalog.json');
    const item = {
      id: 'GG-003',
      name: '档案证明出具',
      type: '公共服务',
      department: '档案馆',
      zone: '综合服务',
      window: 'D01',
      kind: '即办件',
      legalDays: null,
      promisedDays: 0,
      visits: 1,
      online: '网上预审',
      fee: '不收费',
      serviceObject: '自然人',
      limits: { dailyQuota: 50 },
    };
    await writeFile(file, JSON.stringify({ version: '1', hall: { name: '测试大厅' }, items: [item] }));
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    const [read] = report.catalog!.items;
    expect(read.extra).toEqual({ serviceObject: '自然人', limits: '{"dailyQuota":50}' });
    const chunk = chunkItem(read).find((candidate) => candidate.field === 'extra');
    expect(chunk?.text).toContain('其他信息');
    expect(chunk?.text).toContain('serviceObject：自然人');
  });

  it('turns the column warnings into errors under strict', async () => {
    const file = path.join(folder, 'strict.csv');
    await writeCsv(file, [HEADER, ...ROWS]);
    const report = await readCatalogReport(file, { strict: true });
    expect(report.catalog).toBeUndefined();
    expect(report.errors.some((error) => error.column === '权力来源')).toBe(true);
  });
});
