import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { precheck } from '../../../../../bot/precheck/precheck.ts';
import { validateFields } from '../../../../../bot/precheck/validate-fields.ts';
import { hallToday, parseIsoDate } from '../../../../../bot/precheck/validators/calendar-date.ts';
import { loadCatalogFile } from '../../../../../ingest/loaders/load-catalog.ts';
import { creditCodeFor, idFor } from './check-digits.ts';

const catalogPath = path.resolve(import.meta.dirname, '../../../../../knowledge/data/catalog.json');
const items = (
  JSON.parse(readFileSync(catalogPath, 'utf8')) as { items: Array<{ id: string; conditions: string[] }> }
).items;
const item = (id: string) => items.find((candidate) => candidate.id === id);
const today = '2026-12-02';

describe('validateFields', () => {
  it('passes good numbers and reports each bad field once, in field order', () => {
    const good = {
      idNumber: idFor('19900301', '男'),
      idExpiry: '2016.05.01-2036.05.01',
      creditCode: creditCodeFor('91370112', 'MA3C5L2X'),
      phone: '+86 138-1234-5678',
    };
    expect(validateFields(good, { item: item('QYKB-001'), today })).toEqual([]);
    expect(validateFields({ idNumber: ' ', creditCode: '', phone: '' }, { today })).toEqual([]);
    const invalid = validateFields(
      {
        idNumber: idFor('19900301', '男').slice(0, 17) + 'X',
        creditCode: '91370112MA3C5L2X0C',
        phone: '1381234567',
      },
      { today },
    );
    expect(invalid.map((field) => field.field)).toEqual(['idNumber', 'creditCode', 'phone']);
    expect(invalid.every((field) => field.reason.endsWith('。'))).toBe(true);
  });

  it('applies the marriage age of the shipped catalog by the sex in the ID number', () => {
    const marriage = { item: item('HYDJ-001'), today };
    expect(validateFields({ idNumber: idFor('20050101', '男') }, marriage)).toEqual([
      { field: 'idNumber', reason: '按规定男方须年满22周岁，按身份证号计算您现在21周岁。' },
    ]);
    expect(validateFields({ idNumber: idFor('20041202', '男') }, marriage)).toEqual([]);
    expect(validateFields({ idNumber: idFor('20050101', '女') }, marriage)).toEqual([]);
    expect(validateFields({ idNumber: idFor('20061203', '女') }, marriage)).toEqual([
      { field: 'idNumber', reason: '按规定女方须年满20周岁，按身份证号计算您现在19周岁。' },
    ]);
  });

  it('applies 60+ for the pension and no age rule to items without one', () => {
    const pension = { item: item('SHMS-004'), today };
    expect(validateFields({ idNumber: idFor('19661203', '女') }, pension)[0]?.reason).toBe(
      '按规定申请人须年满60周岁，按身份证号计算您现在59周岁。',
    );
    expect(validateFields({ idNumber: idFor('19661202', '女') }, pension)).toEqual([]);
    expect(validateFields({ idNumber: idFor('20200101', '男') }, { item: item('QYKB-001'), today })).toEqual(
      [],
    );
  });

  it('reports an expired card on the ID number, together with an unmet age rule', () => {
    expect(validateFields({ idNumber: idFor('19800101', '女'), idExpiry: '2026-12-01' }, { today })).toEqual([
      { field: 'idNumber', reason: '身份证已过期（有效期至2026年12月1日），请先换领新证再来办理。' },
    ]);
    expect(validateFields({ idExpiry: '长期' }, { today })).toEqual([]);
    const both = validateFields(
      { idNumber: idFor('19700101', '男'), idExpiry: '2020-01-01' },
      { item: item('SHMS-020'), today },
    );
    expect(both).toHaveLength(1);
    expect(both[0].reason).toBe(
      '按规定申请人须年满80周岁，按身份证号计算您现在56周岁。身份证已过期（有效期至2020年1月1日），请先换领新证再来办理。',
    );
  });

  it('uses the hall’s date by default: a birth date in the future is refused', () => {
    expect(validateFields({ idNumber: idFor('20991231', '男') })[0]?.reason).toContain('晚于今天');
  });

  it('runs inside the pre-check of a shipped item: the notice tells a 21-year-old man why', async () => {
    const catalog = await loadCatalogFile(catalogPath);
    // Born on this day 21 years ago by the hall's calendar (28 February when today is 29 February).
    const { year, month, day } = parseIsoDate(hallToday());
    const birth = `${year - 21}${String(month).padStart(2, '0')}${String(month === 2 && day === 29 ? 28 : day).padStart(2, '0')}`;
    const young = precheck(
      { itemId: 'HYDJ-001', provided: [], fields: { idNumber: idFor(birth, '男') } },
      catalog,
    );
    expect(young.invalid).toEqual([
      { field: 'idNumber', reason: '按规定男方须年满22周岁，按身份证号计算您现在21周岁。' },
    ]);
    expect(young.notice).toContain('按规定男方须年满22周岁');
    const bride = precheck(
      { itemId: 'HYDJ-001', provided: [], fields: { idNumber: idFor(birth, '女') } },
      catalog,
    );
    expect(bride.invalid).toEqual([]);
  });
});
