/**
 * CSV catalogs as halls really export them: encodings, provincial headers, title rows, the spellings
 * of limits and booleans, several material separators; and which findings block a file (errors) and
 * which do not (warnings, errors under strict).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogFile, readCatalogReport } from '../../../ingest/loaders/load-catalog.ts';
import type { Catalog } from '../../../knowledge/catalog/schema.ts';
import { CatalogValidationError } from '../../../knowledge/errors/catalog-validation-error.ts';
import {
  catalogCsvRows,
  EXPORT_HEADER,
  exportRow,
  writeCsv,
  type CsvEncoding,
} from '../../fixtures/catalogs/write-catalogs.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/catalogs');
let folder: string;
beforeEach(async () => (folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-variants-'))));
afterEach(async () => rm(folder, { recursive: true, force: true }));

const small = (): Promise<Catalog> => loadCatalogFile(path.join(fixtures, 'small-catalog.json'));

const HEADER = EXPORT_HEADER;
const row = exportRow;

async function csv(
  name: string,
  rows: string[][],
  encoding: CsvEncoding = 'utf-8',
  delimiter = ',',
): Promise<string> {
  const file = path.join(folder, name);
  await writeCsv(file, rows, { encoding, delimiter });
  return file;
}

describe('CSV encodings', () => {
  it('reads the same catalog from UTF-8, UTF-8 with BOM, GBK and UTF-16 (tab-separated)', async () => {
    const catalog = await small();
    const rows = catalogCsvRows(catalog);
    const files = {
      utf8: await csv('utf8.csv', rows, 'utf-8'),
      bom: await csv('bom.csv', rows, 'utf-8-bom'),
      gbk: await csv('gbk.csv', rows, 'gbk'),
      utf16: await csv('utf16.csv', rows, 'utf-16le', '\t'),
    };
    // The GBK file really is not UTF-8, so it is the detection that reads it.
    const gbkBytes = await readFile(files.gbk);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
    for (const [name, file] of Object.entries(files)) {
      const report = await readCatalogReport(file);
      expect(report.errors, name).toEqual([]);
      expect(report.catalog?.items, name).toEqual(catalog.items);
      expect(report.catalog?.hall.name, name).toBe('济南新旧动能转换起步区政务服务中心');
      expect(report.catalog?.version, name).toBe('2024.03');
    }
  });
});

describe('provincial headers and spellings', () => {
  it('reads limits, counts and booleans as exports write them, null where no limit is set', async () => {
    const file = await csv('limits.csv', [
      [...HEADER, '告知承诺制', '是否支持预约', '是否支持物流快递'],
      [...row({ 实施编码: 'A-1', 法定办结时限: '' }), '√', 'Y', '×'],
      [...row({ 实施编码: 'A-2', 法定办结时限: '无', 承诺办结时限: '—' }), '是', '否', 'N'],
      [...row({ 实施编码: 'A-3', 法定办结时限: '无法定时限', 承诺办结时限: '５' }), 'true', '', ''],
      [
        ...row({ 实施编码: 'A-4', 办件类型: '即办件', 法定办结时限: '20个工作日', 承诺办结时限: '即办' }),
        '否',
        '',
        '',
      ],
      [
        ...row({ 实施编码: 'A-5', 法定办结时限: '２０', 承诺办结时限: '5 个工作日', 到现场次数: '１次' }),
        'false',
        '',
        '',
      ],
    ]);
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    const items = report.catalog!.items;
    expect(items.map((item) => [item.id, item.legalDays, item.promisedDays])).toEqual([
      ['A-1', null, 3],
      ['A-2', null, null],
      ['A-3', null, 5],
      ['A-4', 20, 0],
      ['A-5', 20, 5],
    ]);
    expect(items.map((item) => item.commitment)).toEqual([true, true, true, false, false]);
    expect(items[0]).toMatchObject({ appointment: true, delivery: false });
    expect(items[1]).toMatchObject({ appointment: false, delivery: false });
    expect(items[2]).not.toHaveProperty('appointment');
    expect(items[4].visits).toBe(1);
  });

  it('maps the headers of 办事指南 exports onto the item fields', async () => {
    const header = [
      '基本编码',
      '实施编码',
      '事项名称',
      '事项类型',
      '实施机构',
      '所属专区',
      '办理窗口',
      '办件类型',
      '法定时限',
      '承诺办结时限',
      '到现场次数',
      '网办深度',
      '是否收费',
      '收费标准',
      '收费依据',
      '办理地点',
      '咨询方式',
      '监督投诉方式',
      '网办地址',
      '是否支持预约',
      '是否支持物流快递',
    ];
    const file = await csv('provincial.csv', [
      header,
      [
        '11370000MB0000000X',
        'BDC-101',
        '不动产登记资料查询',
        '公共服务',
        '不动产登记中心',
        '不动产',
        'B01',
        '即办件',
        '无',
        '即办',
        '0',
        '全程网办',
        '是',
        '每件80元',
        '发改价格规〔2016〕2559号',
        '政务服务中心一楼',
        '0531-00000000',
        '12345政务服务便民热线',
        'https://example.gov.cn',
        '是',
        '是',
      ],
    ]);
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.catalog!.items[0]).toMatchObject({
      id: 'BDC-101',
      baseCode: '11370000MB0000000X',
      department: '不动产登记中心',
      legalDays: null,
      promisedDays: 0,
      feeCharged: true,
      fee: '每件80元',
      feeBasis: '发改价格规〔2016〕2559号',
      address: '政务服务中心一楼',
      phone: '0531-00000000',
      complaintChannel: '12345政务服务便民热线',
      onlineUrl: 'https://example.gov.cn',
      appointment: true,
      delivery: true,
    });
  });

  it('takes 基本编码 as the id when there is no 实施编码, and 是否收费 “否” as 不收费', async () => {
    const header = HEADER.map((h) => (h === '实施编码' ? '基本编码' : h === '收费标准' ? '是否收费' : h));
    const file = await csv('base-code.csv', [
      header,
      row({ 实施编码: 'B-1', 收费标准: '否' }),
      row({ 实施编码: 'B-2', 收费标准: '是' }),
      row({ 实施编码: '', 收费标准: '否' }),
    ]);
    const { errors, catalog } = await readCatalogReport(file);
    expect(catalog).toBeUndefined();
    expect(errors.map((issue) => issue.message)).toEqual([
      '第 3 行「是否收费」：为“是”时需要写明收费标准和依据，请加上「收费标准」列',
      '第 4 行「基本编码」：不能为空',
    ]);
    const fixed = await csv('base-code-fixed.csv', [header, row({ 实施编码: 'B-1', 收费标准: '否' })]);
    expect((await loadCatalogFile(fixed)).items[0]).toMatchObject({
      id: 'B-1',
      fee: '不收费',
      feeCharged: false,
    });
  });

  it('skips title rows above the header and counts rows as the spreadsheet shows them', async () => {
    const file = await csv('titled.csv', [
      ['某某市政务服务事项清单'],
      ['填报单位：某某局', '', '填报日期：2026-11-20'],
      HEADER,
      row({ 实施编码: 'T-1' }),
      row({ 实施编码: 'T-2', 所属专区: '美食专区' }),
      ['', '', ''],
    ]);
    const { errors } = await readCatalogReport(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 5, column: '所属专区', itemId: 'T-2' });
    expect(errors[0].message).toContain('实际为“美食专区”');
  });

  it('splits material cells on line breaks, numbering, semicolons and 、, keeping names that hold 、', async () => {
    const file = await csv('materials.csv', [
      HEADER,
      row({ 实施编码: 'M-1', 申请材料: '1.申请表；2.居民身份证；3.户口簿' }),
      row({ 实施编码: 'M-2', 申请材料: '（1）申请表（2）居民身份证' }),
      row({ 实施编码: 'M-3', 申请材料: '申请表;居民身份证' }),
      row({ 实施编码: 'M-4', 申请材料: '申请表、居民身份证、户口簿' }),
      row({ 实施编码: 'M-5', 申请材料: '法定代表人、董事、监事和经理的任职文件|复印件|1|必要' }),
      row({ 实施编码: 'M-6', 申请材料: '申请表|原件|1|必要\n营业执照|复印件|1|必要||是' }),
    ]);
    const { errors, catalog } = await readCatalogReport(file);
    expect(errors).toEqual([]);
    const names = catalog!.items.map((item) => item.materials.map((material) => material.name));
    expect(names).toEqual([
      ['申请表', '居民身份证', '户口簿'],
      ['申请表', '居民身份证'],
      ['申请表', '居民身份证'],
      ['申请表', '居民身份证', '户口簿'],
      ['法定代表人、董事、监事和经理的任职文件'],
      ['申请表', '营业执照'],
    ]);
    expect(catalog!.items[5].materials[1]).toEqual({
      name: '营业执照',
      form: '复印件',
      copies: 1,
      required: '必要',
      exempt: true,
    });
  });
});

describe('errors and warnings', () => {
  const rows = () => [
    HEADER,
    row({ 实施编码: 'W-1', 法定办结时限: '10', 承诺办结时限: '15' }),
    row({ 实施编码: 'W-2', 网办深度: '全程网办', 到现场次数: '1' }),
    row({ 实施编码: 'W-3', 办件类型: '即办件', 承诺办结时限: '2' }),
    row({ 实施编码: 'W-4', 收费标准: '每本20元' }),
  ];

  it('reports consistency findings as warnings with row, column and reason, and still gives the catalog', async () => {
    const file = await csv('warnings.csv', rows());
    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    expect(report.catalog?.items).toHaveLength(4);
    expect(report.warnings.map(({ row: at, column, itemId }) => [at, column, itemId])).toEqual([
      [2, '承诺办结时限', 'W-1'],
      [3, '到现场次数', 'W-2'],
      [4, '承诺办结时限', 'W-3'],
      [5, '收费标准', 'W-4'],
    ]);
    expect(report.warnings[0].message).toBe(
      '第 2 行「承诺办结时限」：承诺时限（15 个工作日）不能超过法定时限（10 个工作日）',
    );
    expect(report.warnings.every((warning) => warning.file === file)).toBe(true);
    await expect(loadCatalogFile(file)).resolves.toBeDefined();
  });

  it('turns warnings into errors under strict', async () => {
    const file = await csv('strict.csv', rows());
    const report = await readCatalogReport(file, { strict: true });
    expect(report.catalog).toBeUndefined();
    expect(report.warnings).toEqual([]);
    expect(report.errors).toHaveLength(4);
    const failure = await loadCatalogFile(file, { strict: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CatalogValidationError);
    expect((failure as CatalogValidationError).issues).toEqual(report.errors);
  });

  it('blocks structural problems: unknown zone or type, unreadable cells and material lines, duplicates', async () => {
    const file = await csv('errors.csv', [
      HEADER,
      row({ 实施编码: 'E-1', 事项类型: '行政审批' }),
      row({ 实施编码: 'E-2', 法定办结时限: '二十天' }),
      row({ 实施编码: 'E-3', 申请材料: '申请表|原件|1|必要|||备注|多余' }),
      row({ 实施编码: 'E-1' }),
      row({ 实施编码: 'E-5', 事项名称: '' }),
    ]);
    const { errors, warnings, catalog } = await readCatalogReport(file);
    expect(catalog).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(errors.map(({ row: at, column }) => [at, column])).toEqual([
      [2, '事项类型'],
      [3, '法定办结时限'],
      [4, '申请材料'],
      [5, '实施编码'],
      [6, '事项名称'],
    ]);
    expect(errors[1].message).toContain('实际为“二十天”');
    expect(errors[2].message).toBe(
      '第 4 行「申请材料」第 1 项材料：无法识别“申请表|原件|1|必要|||备注|多余”：用“|”分隔的部分有 8 个，最多 7 个（材料名称|材料形式|份数|必要性|情形|免提交|备注）',
    );
    expect(errors[3].message).toContain('与第 2 行重复');
  });
});
