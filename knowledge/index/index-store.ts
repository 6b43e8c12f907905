/**
 * Reading and writing whole index versions. `openIndex` is how the retriever and the bot get at an
 * index; `writeIndexVersion` is how ingest publishes one. See index-folder.ts for the layout and the
 * atomic switch.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../catalog/schema.ts';
import type { Chunk, Embedder } from '../contracts.ts';
import { EmbedderMismatchError } from '../errors/embedder-mismatch-error.ts';
import { IndexCorruptError } from '../errors/index-corrupt-error.ts';
import { IndexNotBuiltError } from '../errors/index-not-built-error.ts';
import type { Hall } from '../hall/schema.ts';
import { HnswVectorIndex } from './hnsw-vector-index.ts';
import {
  MANIFEST_FILE,
  newVersionId,
  pruneVersions,
  readCurrentVersion,
  stagingFolder,
  switchCurrentVersion,
  versionFolder,
} from './index-folder.ts';
import {
  INDEX_FORMAT_VERSION,
  manifestSchema,
  type IndexedDocument,
  type IndexManifest,
} from './index-manifest.ts';

export const CATALOG_FILE = 'catalog.json';
export const HALL_FILE = 'hall.json';
export const CHUNKS_FILE = 'chunks.jsonl';
export const DOCUMENTS_FILE = 'documents.json';

export interface LoadedIndex {
  /** The version folder that was opened. */
  folder: string;
  manifest: IndexManifest;
  catalog: Catalog;
  hall: Hall;
  documents: IndexedDocument[];
  chunks: Chunk[];
  vectors: HnswVectorIndex;
}

export interface OpenIndexOptions {
  /** When given, its id and dimensions must match the manifest's (EMBEDDER_MISMATCH otherwise). */
  embedder?: Pick<Embedder, 'id' | 'dimensions'>;
}

/**
 * The folder of the version to read: `dir` itself when it is a version folder (holds a manifest),
 * otherwise the version `<dir>/current` points to.
 */
export async function resolveVersionFolder(dir: string): Promise<string> {
  const root = path.resolve(dir);
  if (existsSync(path.join(root, MANIFEST_FILE))) return root;
  const current = await readCurrentVersion(root);
  if (!current) throw new IndexNotBuiltError(root);
  const folder = versionFolder(root, current);
  if (!existsSync(path.join(folder, MANIFEST_FILE))) {
    throw new IndexNotBuiltError(root, `current points to ${current}, which does not exist`);
  }
  return folder;
}

async function readJson<T>(folder: string, file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path.join(folder, file), 'utf8')) as T;
  } catch (error) {
    throw new IndexCorruptError(folder, `${file} is missing or not valid JSON`, { cause: error });
  }
}

export async function readManifest(folder: string): Promise<IndexManifest> {
  const raw = await readJson<unknown>(folder, MANIFEST_FILE);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const formatVersion = (raw as { formatVersion?: unknown } | null)?.formatVersion;
    const reason =
      formatVersion !== INDEX_FORMAT_VERSION
        ? `format version ${String(formatVersion)} is not the supported ${INDEX_FORMAT_VERSION}`
        : `${MANIFEST_FILE} is invalid (${parsed.error.issues[0]?.message ?? 'unknown problem'})`;
    throw new IndexCorruptError(folder, reason);
  }
  return parsed.data;
}

async function readChunks(folder: string): Promise<Chunk[]> {
  let text: string;
  try {
    text = await readFile(path.join(folder, CHUNKS_FILE), 'utf8');
  } catch (error) {
    throw new IndexCorruptError(folder, `${CHUNKS_FILE} is missing`, { cause: error });
  }
  const chunks: Chunk[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      chunks.push(JSON.parse(line) as Chunk);
    } catch (error) {
      throw new IndexCorruptError(folder, `${CHUNKS_FILE} line ${index + 1} is not valid JSON`, {
        cause: error,
      });
    }
  });
  return chunks;
}

/** Opens the current version of the index in `dir` (or the version folder `dir`). */
export async function openIndex(dir: string, options: OpenIndexOptions = {}): Promise<LoadedIndex> {
  const folder = await resolveVersionFolder(dir);
  const manifest = await readManifest(folder);
  const embedder = options.embedder;
  if (
    embedder &&
    (embedder.id !== manifest.embedder.id || embedder.dimensions !== manifest.embedder.dimensions)
  ) {
    throw new EmbedderMismatchError(
      `${manifest.embedder.id} (${manifest.embedder.dimensions} dimensions)`,
      `${embedder.id} (${embedder.dimensions} dimensions)`,
    );
  }
  const [catalog, hall, documents, chunks, vectors] = await Promise.all([
    readJson<Catalog>(folder, CATALOG_FILE),
    readJson<Hall>(folder, HALL_FILE),
    readJson<IndexedDocument[]>(folder, DOCUMENTS_FILE),
    readChunks(folder),
    HnswVectorIndex.load(folder),
  ]);
  if (chunks.length !== manifest.counts.chunks || vectors.size !== chunks.length) {
    throw new IndexCorruptError(
      folder,
      `the manifest lists ${manifest.counts.chunks} chunks, ${CHUNKS_FILE} has ${chunks.length} and the vector index ${vectors.size}`,
    );
  }
  if (vectors.dimensions !== manifest.embedder.dimensions) {
    throw new IndexCorruptError(folder, 'the vector index and the manifest disagree on dimensions');
  }
  return { folder, manifest, catalog, hall, documents, chunks, vectors };
}

/** The catalog and hall of the current version, without loading chunks or vectors. */
export async function readIndexedCatalog(dir: string): Promise<{ catalog: Catalog; hall: Hall }> {
  const folder = await resolveVersionFolder(dir);
  await readManifest(folder);
  const [catalog, hall] = await Promise.all([
    readJson<Catalog>(folder, CATALOG_FILE),
    readJson<Hall>(folder, HALL_FILE),
  ]);
  return { catalog, hall };
}

export interface IndexVersionContent {
  catalog: Catalog;
  hall: Hall;
  documents: IndexedDocument[];
  chunks: Chunk[];
  /** Holds exactly one vector per chunk. */
  vectors: HnswVectorIndex;
  embedder: Pick<Embedder, 'id' | 'dimensions'>;
}

/**
 * Writes a complete new version, switches `current` to it and prunes old versions. Nothing visible
 * changes until the final rename, so a failure at any step leaves the previous version in use.
 */
export async function writeIndexVersion(
  dir: string,
  content: IndexVersionContent,
): Promise<{ version: string; folder: string; manifest: IndexManifest }> {
  const root = path.resolve(dir);
  const missing = content.chunks.filter((chunk) => !content.vectors.has(chunk.id));
  if (missing.length > 0 || content.vectors.size !== content.chunks.length) {
    throw new Error(`Index content is inconsistent: ${missing.length} chunk(s) have no vector`);
  }
  const version = newVersionId();
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    version,
    createdAt: new Date().toISOString(),
    embedder: { id: content.embedder.id, dimensions: content.embedder.dimensions },
    catalog: { version: content.catalog.version, hall: content.catalog.hall.name },
    hall: { name: content.hall.name },
    counts: {
      items: content.catalog.items.length,
      themes: content.catalog.themes.length,
      chunks: content.chunks.length,
      documents: content.documents.length,
    },
    chunkHashes: Object.fromEntries(content.chunks.map((chunk) => [chunk.id, chunk.hash])),
  };
  const staging = stagingFolder(root, version);
  await mkdir(staging, { recursive: true });
  try {
    await writeFile(path.join(staging, CATALOG_FILE), JSON.stringify(content.catalog, null, 2));
    await writeFile(path.join(staging, HALL_FILE), JSON.stringify(content.hall, null, 2));
    await writeFile(path.join(staging, DOCUMENTS_FILE), JSON.stringify(content.documents, null, 2));
    await writeFile(
      path.join(staging, CHUNKS_FILE),
      content.chunks.map((chunk) => JSON.stringify(chunk)).join('\n') + '\n',
    );
    await content.vectors.save(staging);
    // The manifest goes last: a folder with a manifest is a complete version.
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await rename(staging, versionFolder(root, version));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await switchCurrentVersion(root, version);
  await pruneVersions(root);
  return { version, folder: versionFolder(root, version), manifest };
}
