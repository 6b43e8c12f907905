/**
 * Floor-plan coordinates in hall.json: optional (a hall without them loads), and when given, checked
 * on load with a zh-CN problem naming the field: inside the floor's plan, on a floor that has a plan,
 * one entrance only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasFloorPlans } from '../../../../knowledge/hall/hall-geometry.ts';
import { loadHallFile } from '../../../../knowledge/hall/load-hall.ts';
import type { Hall } from '../../../../knowledge/hall/schema.ts';
import { removeTemporaryFolders, temporaryFolder } from '../../../helpers/server-harness.ts';
import { smallHall } from './small-hall.ts';

afterAll(() => removeTemporaryFolders());

const root = path.resolve(import.meta.dirname, '../../../..');

async function problemsOf(hall: unknown): Promise<string[]> {
  const file = path.join(temporaryFolder('daoban-hall-geometry-'), 'hall.json');
  writeFileSync(file, JSON.stringify(hall));
  try {
    await loadHallFile(file);
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
}

describe('hall floor-plan coordinates', () => {
  it('places every floor, zone and window of the shipped hall', async () => {
    const hall = await loadHallFile(path.join(root, 'knowledge/data/hall.json'));
    expect(hasFloorPlans(hall)).toBe(true);
    expect(hall.floors.filter((floor) => !floor.plan)).toEqual([]);
    expect(hall.zones.filter((zone) => !zone.rect).map((zone) => zone.name)).toEqual([]);
    expect(hall.windows.filter((window) => !window.at).map((window) => window.id)).toEqual([]);
  });

  it('loads a hall without coordinates', async () => {
    const hall = await loadHallFile(path.join(root, 'tests/fixtures/qingchuan-hall/hall.json'));
    expect(hasFloorPlans(hall)).toBe(false);
    const plain: Hall = {
      ...smallHall,
      floors: smallHall.floors.map(({ plan: _plan, ...floor }) => floor),
      zones: smallHall.zones.map(({ rect: _rect, ...zone }) => zone),
      windows: smallHall.windows.map(({ at: _at, ...window }) => window),
    };
    expect(await problemsOf(plain)).toEqual([]);
    expect(await problemsOf(smallHall)).toEqual([]);
  });

  it('names the field of a zone or window outside its floor plan', async () => {
    const hall = structuredClone(smallHall);
    hall.zones[1].rect = { x: 80, y: 10, width: 30, height: 20 };
    hall.windows[0].at = { x: 10, y: 70 };
    expect(await problemsOf(hall)).toEqual([
      'zones[1].rect：专区“社会民生”的位置超出 2 层平面图的范围（宽 100，高 60）',
      'windows[0].at：窗口“A01”的位置超出 1 层平面图的范围（宽 100，高 60）',
    ]);
  });

  it('names a lift outside the plan, a second entrance and coordinates on a floor without a plan', async () => {
    const hall = structuredClone(smallHall);
    hall.floors[1].plan!.lifts = [{ x: 120, y: 30 }];
    hall.floors[1].plan!.entrance = { x: 50, y: 60 };
    expect(await problemsOf(hall)).toEqual([
      'floors[1].plan.lifts[0]：电梯位置超出 2 层平面图的范围（宽 100，高 60）',
      'floors：只能有一个楼层标注入口（plan.entrance），现在 1、2 层都有',
    ]);
    const noPlan = structuredClone(smallHall);
    delete noPlan.floors[1].plan;
    expect(await problemsOf(noPlan)).toEqual([
      'zones[1].rect：专区“社会民生”所在的 2 层没有平面图（plan）',
      'windows[2].at：窗口“C01”所在的 2 层没有平面图（plan）',
    ]);
  });

  it('rejects negative coordinates and empty sizes by field', async () => {
    const hall = structuredClone(smallHall) as unknown as {
      floors: Array<{ plan: { width: number } }>;
      windows: Array<{ at: { x: number } }>;
    };
    hall.floors[0].plan.width = 0;
    hall.windows[1].at.x = -1;
    expect(await problemsOf(hall)).toEqual([
      'floors[0].plan.width：宽度应大于 0',
      'windows[1].at.x：坐标不能为负数',
    ]);
  });
});
