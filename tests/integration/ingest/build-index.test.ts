import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex, type BuildProgress } from '../../../ingest/build-index.ts';
import { LexicalEmbedder } from '../../../knowledge/embedders/lexical-embedder.ts';
import { listVersions, readCurrentVersion } from '../../../knowledge/index/index-folder.ts';
import { openIndex } from '../../../knowledge/index/index-store.ts';
import { CountingEmbedder } from './counting-embedder.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/index/', import.meta.url));

let work: string;
let outDir: string;
let catalogFile: string;
const hallFile = path.join(fixtures, 'hall.json');
const docsDir = path.join(fixtures, 'policies');

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'daoban-build-'));
  outDir = path.join(work, 'index');
  catalogFile = path.join(work, 'catalog.json');
  await cp(path.join(fixtures, 'catalog.json'), catalogFile);
});
afterEach(async () => rm(work, { recursive: true, force: true }));

const build = (embedder: CountingEmbedder, onProgress?: (progress: BuildProgress) => void) =>
  buildIndex({ catalogFile, docsDir, hallFile, outDir, embedder, onProgress });

describe('buildIndex', () => {
  it('builds an index that opens with the same embedder and finds items by meaning', async () => {
    const embedder = new CountingEmbedder(new LexicalEmbedder());
    const phases = new Set<string>();
    const summary = await build(embedder, (progress) => phases.add(progress.phase));
    expect(summary).toMatchObject({ items: 3, documents: 1, errors: 0, reused: 0 });
    expect(summary.chunks).toBeGreaterThan(3);
    expect(summary.embedded).toBe(summary.chunks);
    expect(embedder.embedded).toHaveLength(summary.chunks);
    expect([...phases]).toEqual(['load', 'chunk', 'embed', 'write']);

    const index = await openIndex(outDir, { embedder });
    expect(index.manifest.version).toBe(summary.version);
    expect(index.chunks).toHaveLength(summary.chunks);
    expect(index.documents).toEqual([
      expect.objectContaining({ title: expect.any(String), chunks: expect.any(Number) }),
    ]);
    expect(index.chunks.some((chunk) => chunk.source.kind === 'policy')).toBe(true);
    const hits = index.vectors.search(await embedder.embedQuery('食品经营许可'), 3);
    const itemOf = new Map(index.chunks.map((chunk) => [chunk.id, chunk.itemId]));
    expect(itemOf.get(hits[0].chunkId)).toBe('QYKB-006');
  });

  it('re-embeds only the chunks whose content changed', async () => {
    const first = await build(new CountingEmbedder(new LexicalEmbedder()));
    const before = await openIndex(outDir);

    const unchanged = new CountingEmbedder(new LexicalEmbedder());
    const second = await build(unchanged);
    expect(second).toMatchObject({ embedded: 0, reused: first.chunks, chunks: first.chunks });
    expect(unchanged.embedded).toEqual([]);
    expect(second.version).not.toBe(first.version);

    const catalog = JSON.parse(await readFile(catalogFile, 'utf8'));
    catalog.items[1].conditions.push('双方均无配偶');
    await writeFile(catalogFile, JSON.stringify(catalog));
    const changed = new CountingEmbedder(new LexicalEmbedder());
    const third = await build(changed);
    const after = await openIndex(outDir);

    const previousHashes = new Set(Object.values(before.manifest.chunkHashes));
    const newChunks = after.chunks.filter((chunk) => !previousHashes.has(chunk.hash));
    expect(newChunks.length).toBeGreaterThan(0);
    expect(third.embedded).toBe(newChunks.length);
    expect(third.reused).toBe(third.chunks - newChunks.length);
    expect(changed.embedded.sort()).toEqual(newChunks.map((chunk) => chunk.text).sort());
    expect(changed.embedded.some((text) => text.includes('双方均无配偶'))).toBe(true);
    // Reused vectors still find their chunks.
    const target = after.chunks.find((chunk) => chunk.itemId === 'SHMS-001')!;
    const [hit] = after.vectors.search(await changed.embedQuery(target.text), 1);
    expect(hit.chunkId).toBe(target.id);
  });

  it('never touches the current version when the catalog is invalid', async () => {
    const good = await build(new CountingEmbedder(new LexicalEmbedder()));
    const versions = await listVersions(outDir);
    await cp(path.join(fixtures, 'catalog-invalid.json'), catalogFile);
    const embedder = new CountingEmbedder(new LexicalEmbedder());

    const failure = await build(embedder).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'CATALOG_INVALID', issues: expect.any(Array) });
    // Two errors (an unknown 办件类型, an empty name); the 即办件 with 30 promised days over a legal 0
    // breaks two rules, which are warnings.
    expect((failure as { issues: unknown[] }).issues).toHaveLength(2);
    expect((failure as { warnings: unknown[] }).warnings).toHaveLength(2);
    expect(embedder.embedded).toEqual([]);
    expect(await readCurrentVersion(outDir)).toBe(good.version);
    expect(await listVersions(outDir)).toEqual(versions);
    const index = await openIndex(outDir);
    expect(index.catalog.items).toHaveLength(3);
  });

  it('goes on without a document that cannot be read, and counts it as an error', async () => {
    const brokenDocs = path.join(work, 'policies');
    await cp(docsDir, brokenDocs, { recursive: true });
    await writeFile(path.join(brokenDocs, 'broken.pdf'), 'this is not a pdf');
    const summary = await buildIndex({
      catalogFile,
      docsDir: brokenDocs,
      hallFile,
      outDir,
      embedder: new LexicalEmbedder(),
    });
    expect(summary).toMatchObject({ documents: 1, errors: 1 });
    expect(summary.errorDetails[0].file).toContain('broken.pdf');
    expect((await openIndex(outDir)).documents).toHaveLength(1);
  });

  it('re-embeds everything for a different embedder, and the old one can no longer open it', async () => {
    const first = new CountingEmbedder(new LexicalEmbedder());
    await build(first);
    const other = new CountingEmbedder(new LexicalEmbedder({ dimensions: 128 }));
    const summary = await build(other);
    expect(summary.reused).toBe(0);
    expect(summary.embedded).toBe(summary.chunks);
    await expect(openIndex(outDir, { embedder: first })).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    await expect(openIndex(outDir, { embedder: other })).resolves.toBeDefined();
  });
});
