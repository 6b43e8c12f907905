/**
 * The console's hall difference names the floor-plan fields: a plan, a zone's place, a window's
 * place and a 取号 category added or moved show as labelled changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffHalls } from '../../../../bot/catalog-admin/hall-diff.ts';
import type { Hall } from '../../../../knowledge/hall/schema.ts';

const shipped = (): Hall =>
  JSON.parse(readFileSync(path.resolve('knowledge/data/hall.json'), 'utf8')) as Hall;

describe('diffHalls with floor plans', () => {
  it('labels plan, place and 取号 category changes', () => {
    const before = shipped();
    const after = shipped();
    after.floors[1].plan = { ...after.floors[1].plan!, lifts: [{ x: 10, y: 52 }] };
    after.zones[0].rect = { ...after.zones[0].rect!, width: 40 };
    after.zones[0].ticket = '综合咨询';
    after.windows[0].at = { x: 7, y: 46 };
    const diff = diffHalls(before, after);
    expect(diff.floors.changed.map((change) => change.changes.map((entry) => entry.label))).toEqual([
      ['平面图'],
    ]);
    expect(diff.zones.changed[0].changes.map((entry) => entry.label)).toEqual(['平面图位置', '取号类别']);
    expect(diff.windows.changed[0].changes.map((entry) => entry.label)).toEqual(['平面图位置']);
    expect(diffHalls(before, shipped()).zones.changed).toEqual([]);
  });
});
