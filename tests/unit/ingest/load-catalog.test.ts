import path from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile, readCatalogReport } from '../../../ingest/loaders/load-catalog.ts';
import { CatalogValidationError } from '../../../knowledge/errors/catalog-validation-error.ts';
import type { CatalogIssue } from '../../../knowledge/catalog/catalog-issue.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/catalogs');
const fixture = (name: string) => path.join(fixtures, name);

async function issuesOf(file: string): Promise<CatalogIssue[]> {
  try {
    await loadCatalogFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogValidationError);
    const validation = error as CatalogValidationError;
    expect(validation.code).toBe('CATALOG_INVALID');
    // The message lists every issue, one per line, after a summary line with the count.
    expect(validation.message.split('\n')).toHaveLength(validation.issues.length + 1);
    expect(validation.message).toContain(`有 ${validation.issues.length} 处问题`);
    return validation.issues;
  }
  throw new Error(`${file} was expected to be rejected`);
}

const find = (issues: CatalogIssue[], row: number, column: string) =>
  issues.filter((issue) => issue.row === row && issue.column === column);

describe('loadCatalogFile', () => {
  it('reads the same items, themes and hall from JSON, CSV (Chinese headers) and XLSX (English headers)', async () => {
    const json = await loadCatalogFile(fixture('small-catalog.json'));
    const csv = await loadCatalogFile(fixture('small-catalog.csv'));
    const xlsx = await loadCatalogFile(fixture('small-catalog.xlsx'));
    expect(json.items.map((item) => item.id)).toEqual(['QYKB-006', 'QYKB-007', 'SHMS-009']);
    expect(csv.items).toEqual(json.items);
    expect(xlsx.items).toEqual(json.items);
    expect(json.items[0].materials[1]).toEqual({
      name: '营业执照',
      form: '复印件',
      copies: 1,
      required: '必要',
      exempt: true,
      exemptNote: '通过电子证照库获取的，免于提交',
    });
    expect(csv.version).toBe('2024.03');
    expect(csv.hall.name).toBe('济南新旧动能转换起步区政务服务中心');
    expect(xlsx.version).toBe('2024.03');
    expect(xlsx.hall).toEqual(json.hall);
    expect(xlsx.themes).toEqual(json.themes);
    // Without a theme table, CSV themes come from the 一件事 column.
    expect(csv.themes).toEqual([
      { id: '开办餐饮店一件事', name: '开办餐饮店一件事', aliases: [], items: ['QYKB-006', 'QYKB-007'] },
    ]);
  });

  it('reports every problem of a broken CSV with row, column and reason, consistency rules as warnings', async () => {
    const file = fixture('broken-catalog.csv');
    const issues = await issuesOf(file);
    const { errors, warnings, catalog } = await readCatalogReport(file);
    expect(catalog).toBeUndefined();
    expect(errors).toEqual(issues);
    expect([...issues, ...warnings].every((issue) => issue.file === file)).toBe(true);
    expect(find(issues, 2, '承诺时限')[0].message).toBe(
      '第 2 行「承诺时限」：应为工作日数（如“20”“20个工作日”“即办”），没有时限的填“无”，实际为“三天”',
    );
    expect(find(issues, 3, '申请材料')[0]).toMatchObject({
      field: 'materials[1].copies',
      itemId: 'QYKB-007',
    });
    expect(find(issues, 3, '申请材料')[0].message).toContain(
      '第 2 项材料的「份数」：应为不小于 0 的整数，实际为“两份”',
    );
    expect(find(issues, 4, '告知承诺制')[0].message).toContain('实际为“可能”');
    expect(find(issues, 5, '所属专区')[0].message).toContain('实际为“美食专区”');
    expect(find(issues, 5, '事项编码')[0].message).toContain('与第 2 行重复');
    expect(find(issues, 6, '事项名称')[0].message).toBe('第 6 行「事项名称」：不能为空');
    expect(find(issues, 6, '收费标准')).toHaveLength(1);
    expect(issues).toHaveLength(7);
    // The consistency rules do not block a file; they are reported with row and column.
    expect(find(warnings, 3, '承诺时限')[0].message).toContain('即办件');
    expect(find(warnings, 4, '跑动次数')[0].message).toContain('全程网办');
    expect(find(warnings, 5, '承诺时限')[0].message).toContain('不能超过法定时限');
    expect(warnings).toHaveLength(3);
  });

  it('reports every problem of a broken XLSX, including themes that name unknown items', async () => {
    const file = fixture('broken-catalog.xlsx');
    const issues = await issuesOf(file);
    expect(find(issues, 3, '事项类型')[0].message).toContain('实际为“行政审批”');
    expect(find(issues, 4, '跑动次数')[0].message).toBe(
      '第 4 行「跑动次数」：应为不小于 0 的整数，实际为“一次”',
    );
    expect(find(issues, 5, '办理窗口')[0].message).toContain('不能为空');
    expect(find(issues, 5, '网办深度')[0].message).toContain('实际为“网上办”');
    const theme = issues.find((issue) => issue.sheet === '主题');
    expect(theme).toMatchObject({ row: 2, column: '包含事项' });
    expect(theme?.message).toContain('“HYDJ-404”不在事项清单中');
    expect(issues).toHaveLength(5);
    const { warnings } = await readCatalogReport(file);
    expect(find(warnings, 3, '承诺办结时限')[0].message).toContain(
      '承诺时限（20 个工作日）不能超过法定时限（15 个工作日）',
    );
    expect(find(warnings, 4, '办件类型')[0].message).toContain('应为“即办件”');
    // "按规定收费" names no basis.
    expect(find(warnings, 2, '收费标准')[0].message).toContain('没有收费依据');
    expect(warnings).toHaveLength(4);
  });

  it('locates JSON problems as items[i] with the field path', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-catalog-'));
    const file = path.join(folder, 'catalog.json');
    const good = JSON.parse(
      await import('node:fs/promises').then((fs) => fs.readFile(fixture('small-catalog.json'), 'utf8')),
    );
    good.items[1].promisedDays = '三天';
    good.items[2].id = 'QYKB-006';
    await writeFile(file, JSON.stringify(good));
    const issues = await issuesOf(file);
    expect(issues[0]).toMatchObject({ row: 2, field: 'items[1].promisedDays' });
    expect(issues[0].message).toContain('实际为“三天”');
    expect(issues.find((issue) => issue.field === 'items[2].id')?.message).toContain(
      '与第 1 条事项（items[0]）重复',
    );
  });

  it('refuses a CSV that is neither UTF-8 nor GBK/GB18030 and says how to fix it', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-catalog-'));
    const file = path.join(folder, 'binary.csv');
    await writeFile(file, Buffer.from([0x80, 0xff, 0x00, 0xfe, 0x0a]));
    const issues = await issuesOf(file);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('无法识别文件编码');
    expect(issues[0].message).toContain('CSV UTF-8');
  });

  it('names missing required columns once instead of on every row', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-catalog-'));
    const file = path.join(folder, 'partial.csv');
    await writeFile(file, '\uFEFFid,name\nA-1,甲\nA-2,乙\n');
    const issues = await issuesOf(file);
    expect(issues.every((issue) => issue.row === 1)).toBe(true);
    expect(issues.map((issue) => issue.message)).toContain(
      '第 1 行（表头）：缺少「承诺时限」列（也可写作 promisedDays）',
    );
  });
});
