/**
 * Every 行政给付 item of the shipped catalog says what the citizen receives (给付标准), as a rule
 * that holds nationally or that names who sets the local amount — never a made-up local figure.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogReport } from '../../../../ingest/loaders/load-catalog.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
// Subsidy items the issue names, by the words of their names.
const SUBSIDIES = ['失业保险金', '生育津贴', '高龄津贴', '最低生活保障', '残疾人生活补贴', '特困人员', '临时救助'];

describe('给付标准 in the shipped catalog', async () => {
  const report = await readCatalogReport(path.join(root, 'knowledge/data/catalog.json'));
  const items = report.catalog?.items ?? [];

  it('loads with no error and no warning', () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(items.length).toBeGreaterThan(60);
  });

  it('gives every 行政给付 item and every named subsidy an amount rule, its basis and who decides', () => {
    const benefitItems = items.filter((item) => item.type === '行政给付');
    expect(benefitItems.length).toBeGreaterThanOrEqual(SUBSIDIES.length);
    for (const word of SUBSIDIES) {
      expect(benefitItems.some((item) => item.name.includes(word)), word).toBe(true);
    }
    for (const item of benefitItems) {
      expect(item.benefit?.amount, item.name).toBeTruthy();
      expect(item.benefit?.basis, item.name).toMatch(/《.+》/);
      // The amount of one person is decided by the authority: the record says so.
      expect(item.benefit?.note, item.name).toMatch(/以.+(核定|审核确认|审核结算)为准/);
    }
  });

  it('writes no local amount in yuan: local standards are named as such', () => {
    for (const item of items.filter((entry) => entry.benefit)) {
      expect(item.benefit?.amount, item.name).not.toMatch(/\d+(\.\d+)?\s*元/);
    }
  });
});
