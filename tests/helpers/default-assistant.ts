/**
 * The bot core on a real index of the shipped catalog, hall and policy documents, built with the
 * built-in embedder into a temporary folder (no server involved), for tests that converse with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from '../../ingest/build-index.ts';
import { createEmbedder } from '../../knowledge/embedders/create-embedder.ts';
import { openAssistant, type OpenedAssistant } from '../../bot/open-assistant.ts';

const root = path.resolve(import.meta.dirname, '../..');

export async function openDefaultAssistant(): Promise<{ assistant: OpenedAssistant; dispose: () => void }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'daoban-assistant-'));
  const embedder = await createEmbedder({ kind: 'builtin' });
  await buildIndex({
    catalogFile: path.join(root, 'knowledge/data/catalog.json'),
    hallFile: path.join(root, 'knowledge/data/hall.json'),
    docsDir: path.join(root, 'knowledge/data/policies'),
    outDir: folder,
    embedder,
  });
  const assistant = await openAssistant({ indexDir: folder, embedder });
  return { assistant, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}
