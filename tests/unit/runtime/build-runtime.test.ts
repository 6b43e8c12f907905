/**
 * buildRuntime wires embedder, index, lexicon, hall facts and chat model from settings; overrides
 * replace single parts. Runs on the small committed index fixture.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../../../config/settings.ts';
import { loadDefaultLexicon } from '../../../knowledge/text/lexicon.ts';
import { buildRuntime } from '../../../runtime/build-runtime.ts';
import { prepareIndex } from '../../../runtime/prepare-index.ts';
import { removeTemporaryFolders, temporaryFolder } from '../../helpers/server-harness.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/index');

function settingsFor(indexDir: string, extra: Partial<Settings> = {}): Settings {
  return {
    ...loadSettings({}),
    catalogFile: path.join(fixtures, 'catalog.json'),
    hallFile: path.join(fixtures, 'hall.json'),
    docsDir: path.join(fixtures, 'policies'),
    indexDir,
    ...extra,
  };
}

afterAll(() => removeTemporaryFolders());

describe('buildRuntime', () => {
  it('builds the default index once, then opens it as it is', async () => {
    const indexDir = path.join(temporaryFolder('daoban-runtime-'), 'index');
    let announced = 0;
    const first = await buildRuntime(settingsFor(indexDir), { onBuildStart: () => announced++ });
    expect(announced).toBe(1);
    expect(first.built?.items).toBe(first.catalog.items.length);
    expect(first.indexDir).toBe(indexDir);
    expect(first.chatModel).toBeUndefined();
    const answer = await first.assistant.ask(['大厅几点上班']);
    expect(answer.intent).toBe('hall');

    const second = await buildRuntime(settingsFor(indexDir), { onBuildStart: () => announced++ });
    expect(announced).toBe(1);
    expect(second.built).toBeUndefined();
    expect(second.indexVersion).toBe(first.indexVersion);
  });

  it('opens a folder given by the caller without building anything into it', async () => {
    const empty = temporaryFolder('daoban-runtime-empty-');
    await expect(
      buildRuntime(settingsFor(path.join(empty, 'unused')), { indexDir: empty }),
    ).rejects.toThrow();
    expect(existsSync(path.join(empty, 'unused'))).toBe(false);
  });

  it('takes the chat model from settings, unless told to run without one', async () => {
    const indexDir = path.join(temporaryFolder('daoban-runtime-model-'), 'index');
    const settings = settingsFor(indexDir, {
      chatModel: { model: 'local-model', baseUrl: 'http://127.0.0.1:9/v1' },
    });
    const withModel = await buildRuntime(settings);
    expect(withModel.chatModel).toBeDefined();
    const without = await buildRuntime(settings, { chatModel: null });
    expect(without.chatModel).toBeUndefined();
  });

  it('refuses a misconfigured chat model before building any index', async () => {
    const folder = temporaryFolder('daoban-runtime-bad-');
    const indexDir = path.join(folder, 'index');
    const settings = settingsFor(indexDir, { chatModel: { model: 'local-model' } });
    await expect(buildRuntime(settings)).rejects.toMatchObject({ code: 'CHAT_MODEL_MISCONFIGURED' });
    expect(existsSync(indexDir)).toBe(false);
  });

  it('answers with the lexicon and hall facts it is given', async () => {
    const indexDir = path.join(temporaryFolder('daoban-runtime-hall-'), 'index');
    const base = await buildRuntime(settingsFor(indexDir));
    const lexicon = loadDefaultLexicon();
    const hall = { ...base.hall, hotline: { number: '0000-12345', name: '政务服务热线' } };
    const runtime = await buildRuntime(settingsFor(indexDir), { lexicon, hall });
    expect(runtime.lexicon).toBe(lexicon);
    expect(runtime.hall).toBe(hall);
    expect((await runtime.assistant.ask(['我要投诉'])).answer).toContain('拨打0000-12345政务服务热线');
  });
});

describe('prepareIndex', () => {
  it('builds the default index for tools that only read the catalog', async () => {
    const folder = temporaryFolder('daoban-runtime-prepare-');
    const prepared = await prepareIndex(settingsFor(path.join(folder, 'index')));
    expect(prepared.indexDir).toBe(path.join(folder, 'index'));
    expect(prepared.built?.items).toBeGreaterThan(0);
    expect(prepared.embedder.id).toBeTruthy();
  });
});
