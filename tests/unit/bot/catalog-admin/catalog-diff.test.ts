/** The catalog and hall differences: added, removed and changed records, field by field. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../knowledge/catalog/schema.ts';
import type { Hall } from '../../../../knowledge/hall/schema.ts';
import { diffCatalogs } from '../../../../bot/catalog-admin/catalog-diff.ts';
import { diffHalls } from '../../../../bot/catalog-admin/hall-diff.ts';

const read = <T>(file: string): T => JSON.parse(readFileSync(path.resolve(file), 'utf8')) as T;
const catalog = () => read<Catalog>('tests/fixtures/index/catalog.json');
const hall = () => read<Hall>('tests/fixtures/index/hall.json');

describe('diffCatalogs', () => {
  it('finds nothing between a catalog and itself', () => {
    const diff = diffCatalogs(catalog(), catalog());
    expect(diff.items).toEqual({ added: [], removed: [], changed: [], unchanged: catalog().items.length });
    expect(diff.hall).toEqual([]);
    expect(diff.themes.changed).toEqual([]);
  });

  it('lists added, removed and changed items with old and new values', () => {
    const before = catalog();
    const after = catalog();
    const [first, second] = after.items;
    first.fee = '每件 10 元';
    first.promisedDays = (before.items[0].promisedDays ?? 0) + 1;
    first.materials = [
      ...first.materials.slice(1),
      { name: '新增材料', form: '原件', copies: 2, required: '必要' },
    ];
    after.items = after.items.filter((item) => item.id !== second.id);
    after.items.push({ ...second, id: 'NEW-001', name: '新事项' });
    after.hall.phone = '0000-1234';

    const diff = diffCatalogs(before, after);
    expect(diff.items.added).toEqual([{ id: 'NEW-001', name: '新事项' }]);
    expect(diff.items.removed).toEqual([{ id: second.id, name: second.name }]);
    expect(diff.items.changed).toHaveLength(1);
    const changes = diff.items.changed[0].changes;
    expect(changes.map((change) => change.label)).toEqual(['承诺时限', '收费标准', '申请材料']);
    expect(changes[0]).toMatchObject({
      field: 'promisedDays',
      before: String(before.items[0].promisedDays),
      after: String((before.items[0].promisedDays ?? 0) + 1),
    });
    const materials = changes[2];
    expect(materials.addedLines).toEqual(['新增材料|原件|2|必要']);
    expect(materials.removedLines).toEqual([
      expect.stringMatching(new RegExp(`^${before.items[0].materials[0].name}\\|`)),
    ]);
    expect(diff.hall).toEqual([
      { field: 'phone', label: '咨询电话', before: before.hall.phone ?? '', after: '0000-1234' },
    ]);
  });

  it('compares fields it has no label for under their own name', () => {
    const before = catalog();
    const after = catalog();
    (after.items[0] as unknown as Record<string, unknown>).specialNote = '新字段';
    const [change] = diffCatalogs(before, after).items.changed[0].changes;
    expect(change).toMatchObject({ field: 'specialNote', label: 'specialNote', before: '', after: '新字段' });
  });

  it('shows flags as 是/否', () => {
    const before = catalog();
    const after = catalog();
    after.items[0].commitment = !before.items[0].commitment;
    const [change] = diffCatalogs(before, after).items.changed[0].changes;
    expect([change.before, change.after].sort()).toEqual(['否', '是']);
  });
});

describe('diffHalls', () => {
  it('lists windows added and changed, and the hall facts that changed', () => {
    const before = hall();
    const after = hall();
    after.windows[0] = { ...after.windows[0], name: '改名后的窗口' };
    after.windows.push({ id: 'Q01', name: '新窗口', floor: 1 });
    after.hotline = { number: '12345', name: '政务服务便民热线' };
    const diff = diffHalls(before, after);
    expect(diff.windows.added).toEqual([{ id: 'Q01', name: '新窗口' }]);
    expect(diff.windows.changed[0].changes).toEqual([
      { field: 'name', label: '窗口名称', before: before.windows[0].name, after: '改名后的窗口' },
    ]);
    expect(diff.hall.map((change) => change.label)).toEqual(['服务热线']);
    expect(diff.hall[0].after).toBe('名称：政务服务便民热线；号码：12345');
    expect(diff.zones.changed).toEqual([]);
  });
});
