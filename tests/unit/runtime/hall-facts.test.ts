/**
 * The hall facts the runtime hands to the assistant: portals, hotline and progress lookup from
 * hall.json, with the behaviour when a hall leaves them out, and their validation on load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hotlineText,
  joinAlternatives,
  NATIONAL_HOTLINE,
  progressPortals,
} from '../../../knowledge/hall/hall-facts.ts';
import { loadHallFile } from '../../../knowledge/hall/load-hall.ts';
import type { Hall } from '../../../knowledge/hall/schema.ts';
import { hall as fixtureHall } from '../bot/compose/fixtures.ts';
import { removeTemporaryFolders, temporaryFolder } from '../../helpers/server-harness.ts';

afterAll(() => removeTemporaryFolders());

const withFacts = (facts: Partial<Hall>): Hall => ({ ...fixtureHall, ...facts });

describe('hall facts', () => {
  it('names the national 12345 hotline only when the hall gives none', () => {
    expect(hotlineText(fixtureHall)).toBe(`${NATIONAL_HOTLINE.number}${NATIONAL_HOTLINE.name}`);
    expect(hotlineText(withFacts({ hotline: { number: '0000-12345' } }))).toBe('0000-12345政务服务便民热线');
    expect(hotlineText(withFacts({ hotline: { number: '96110', name: '服务热线' } }))).toBe('96110服务热线');
  });

  it('looks progress up in the portals the hall says show it, else in all of them', () => {
    const portals = [{ name: '某省政务服务网' }, { name: '某省App', app: true }, { name: '某市小程序' }];
    expect(progressPortals(fixtureHall)).toEqual([]);
    expect(progressPortals(withFacts({ portals })).map((portal) => portal.name)).toEqual([
      '某省政务服务网',
      '某省App',
      '某市小程序',
    ]);
    const chosen = withFacts({ portals, progressLookup: { portals: ['某省App'] } });
    expect(progressPortals(chosen).map((portal) => portal.name)).toEqual(['某省App']);
    expect(progressPortals(withFacts({ portals, progressLookup: { portals: [] } }))).toEqual([]);
    expect(joinAlternatives(['甲', '乙', '丙'])).toBe('甲、乙或丙');
    expect(joinAlternatives(['甲'])).toBe('甲');
  });

  it('rejects a progress lookup that names a portal the hall does not list', async () => {
    const valid = path.resolve(import.meta.dirname, '../../fixtures/qingchuan-hall/hall.json');
    const hall = JSON.parse(readFileSync(valid, 'utf8')) as Hall;
    await expect(loadHallFile(valid)).resolves.toMatchObject({ portals: hall.portals });
    const file = path.join(temporaryFolder('daoban-hall-'), 'hall.json');
    writeFileSync(file, JSON.stringify({ ...hall, progressLookup: { portals: ['别的App'] } }));
    await expect(loadHallFile(file)).rejects.toMatchObject({
      code: 'HALL_INVALID',
      problems: ['progressLookup.portals[0]：“别的App”没有在 portals 中登记'],
    });
  });
});
