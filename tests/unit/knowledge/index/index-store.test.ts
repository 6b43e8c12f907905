import { readdir, readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../knowledge/catalog/schema.ts';
import type { Chunk } from '../../../../knowledge/contracts.ts';
import type { Hall } from '../../../../knowledge/hall/schema.ts';
import { LexicalEmbedder } from '../../../../knowledge/embedders/lexical-embedder.ts';
import { HnswVectorIndex } from '../../../../knowledge/index/hnsw-vector-index.ts';
import { listVersions, readCurrentVersion } from '../../../../knowledge/index/index-folder.ts';
import { openIndex, readIndexedCatalog, writeIndexVersion } from '../../../../knowledge/index/index-store.ts';

const catalog = JSON.parse(
  await readFile(new URL('../../../fixtures/index/catalog.json', import.meta.url), 'utf8'),
) as Catalog;
const hall = JSON.parse(
  await readFile(new URL('../../../fixtures/index/hall.json', import.meta.url), 'utf8'),
) as Hall;
const embedder = new LexicalEmbedder({ dimensions: 64 });

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'daoban-store-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function writeVersion(texts: string[]) {
  const chunks: Chunk[] = texts.map((text, index) => ({
    id: `item:T-${index}:name`,
    itemId: `T-${index}`,
    field: 'name',
    text,
    source: { kind: 'catalog', id: `T-${index}`, title: text },
    hash: `hash-${text}`,
  }));
  const vectors = await HnswVectorIndex.create({ dimensions: embedder.dimensions });
  for (const chunk of chunks) vectors.add(chunk.id, embedder.embed(chunk.text));
  const documents = [{ id: 'rules', title: '办事指引', docNumber: '示政服〔2025〕1号', chunks: 0 }];
  return writeIndexVersion(dir, { catalog, hall, documents, chunks, vectors, embedder });
}

describe('index store', () => {
  it('says to run ingest when nothing was built', async () => {
    await expect(openIndex(dir)).rejects.toMatchObject({
      code: 'INDEX_NOT_BUILT',
      message: expect.stringContaining('npm run ingest'),
    });
    await expect(readIndexedCatalog(dir)).rejects.toMatchObject({ code: 'INDEX_NOT_BUILT' });
  });

  it('writes a complete version and opens it with everything it holds', async () => {
    const written = await writeVersion(['社会保障卡申领', '内地居民结婚登记']);
    expect(await readCurrentVersion(dir)).toBe(written.version);

    const index = await openIndex(dir, { embedder });
    expect(index.folder).toBe(written.folder);
    expect(index.manifest).toMatchObject({
      formatVersion: 1,
      embedder: { id: embedder.id, dimensions: 64 },
      catalog: { version: 'fixture-1', hall: '示范区政务服务中心' },
      hall: { name: '示范区政务服务中心' },
      counts: { items: 3, themes: 1, chunks: 2, documents: 1 },
      chunkHashes: { 'item:T-0:name': 'hash-社会保障卡申领' },
    });
    expect(index.catalog.items.map((item) => item.id)).toEqual(['SHMS-001', 'HYDJ-001', 'QYKB-006']);
    expect(index.hall.windows.map((window) => window.id)).toContain('Z01');
    expect(index.documents[0].docNumber).toBe('示政服〔2025〕1号');
    expect(index.chunks.map((chunk) => chunk.text)).toEqual(['社会保障卡申领', '内地居民结婚登记']);
    const [hit] = index.vectors.search(embedder.embed('结婚登记'), 1);
    expect(hit.chunkId).toBe('item:T-1:name');

    const { catalog: indexedCatalog, hall: indexedHall } = await readIndexedCatalog(dir);
    expect(indexedCatalog.version).toBe('fixture-1');
    expect(indexedHall.name).toBe('示范区政务服务中心');
  });

  it('refuses an embedder other than the one that built the index, naming both', async () => {
    await writeVersion(['社会保障卡申领']);
    const other = new LexicalEmbedder();
    await expect(openIndex(dir, { embedder: other })).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
      message: expect.stringMatching(new RegExp(`${embedder.id}.*${other.id}`, 's')),
    });
    await expect(openIndex(dir, { embedder: { id: embedder.id, dimensions: 128 } })).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
    });
  });

  it('keeps the three newest versions and can open a version folder directly', async () => {
    const versions: string[] = [];
    for (let round = 0; round < 5; round += 1) versions.push((await writeVersion([`事项${round}`])).version);
    expect(await listVersions(dir)).toEqual(versions.slice(-3));
    expect(await readCurrentVersion(dir)).toBe(versions[4]);
    const older = await openIndex(path.join(dir, 'versions', versions[2]));
    expect(older.chunks[0].text).toBe('事项2');
    // No staging folders or pointer temp files are left behind.
    expect((await readdir(path.join(dir, 'versions'))).filter((name) => name.startsWith('.'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['current', 'versions']);
  });

  it('reports a damaged version as corrupt rather than serving it', async () => {
    const written = await writeVersion(['社会保障卡申领']);
    await writeFile(path.join(written.folder, 'chunks.jsonl'), '');
    await expect(openIndex(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await writeFile(path.join(written.folder, 'manifest.json'), JSON.stringify({ formatVersion: 99 }));
    await expect(openIndex(dir)).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('99'),
    });
  });

  it('treats a pointer to a missing version as not built', async () => {
    await writeVersion(['社会保障卡申领']);
    await writeFile(path.join(dir, 'current'), '20990101-000000-000-abcd\n');
    await expect(openIndex(dir)).rejects.toMatchObject({ code: 'INDEX_NOT_BUILT' });
  });
});
