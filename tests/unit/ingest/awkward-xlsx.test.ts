/**
 * An XLSX as provincial systems export it: title rows above the header, merged cells (one department
 * merged down over its items), empty formatted rows after the data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogFile, readCatalogReport } from '../../../ingest/loaders/load-catalog.ts';
import type { Catalog } from '../../../knowledge/catalog/schema.ts';
import { cellOf, PROVINCIAL_HEADERS, writeAwkwardXlsx } from '../../fixtures/catalogs/write-catalogs.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/catalogs');
let folder: string;
let catalog: Catalog;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-xlsx-'));
  catalog = await loadCatalogFile(path.join(fixtures, 'small-catalog.json'));
});
afterEach(async () => rm(folder, { recursive: true, force: true }));

const header = PROVINCIAL_HEADERS.map(([name]) => name);
const rowsOf = (items: Catalog['items']) =>
  items.map((item) => PROVINCIAL_HEADERS.map(([, field]) => cellOf(item, field)));

describe('an awkward XLSX export', () => {
  it('finds the header below the title rows, fills merged cells and ignores trailing empty rows', async () => {
    const file = path.join(folder, 'export.xlsx');
    // Two items of the same department, so the department cell is merged over two rows.
    const items = [
      catalog.items[0],
      { ...catalog.items[1], department: catalog.items[0].department },
      catalog.items[2],
    ];
    await writeAwkwardXlsx(file, header, rowsOf(items));

    // The file really has what the test is about.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const departmentColumn = header.indexOf('实施部门') + 1;
    expect(sheet.getCell(1, 1).isMerged).toBe(true);
    expect(sheet.getCell(5, departmentColumn).isMerged).toBe(true);
    expect(sheet.rowCount).toBeGreaterThan(3 + items.length);

    const report = await readCatalogReport(file);
    expect(report.errors).toEqual([]);
    expect(report.catalog?.items).toEqual(items);
    expect(report.catalog?.items[1].department).toBe(catalog.items[0].department);
  });

  it('names the sheet row of a bad cell below the title rows', async () => {
    const file = path.join(folder, 'bad.xlsx');
    const rows = rowsOf(catalog.items);
    rows[1][header.indexOf('所属专区')] = '美食专区';
    rows[2][header.indexOf('法定办结时限')] = '三十天';
    await writeAwkwardXlsx(file, header, rows);
    const { errors } = await readCatalogReport(file);
    expect(errors.map((issue) => [issue.row, issue.column, issue.itemId])).toEqual([
      [5, '所属专区', catalog.items[1].id],
      [6, '法定办结时限', catalog.items[2].id],
    ]);
    expect(errors[0].message).toMatch(/^第 5 行「所属专区」：.*实际为“美食专区”$/);
  });
});
