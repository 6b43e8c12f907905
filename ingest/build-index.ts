/**
 * The ingest pipeline: load and validate the catalog, hall and policy documents, chunk them, embed
 * the chunks whose content changed since the current version (reusing the stored vectors of the
 * rest), and publish the result as a new index version. Validation happens before anything is
 * written, so a bad catalog never disturbs the index in service.
 */
import path from 'node:path';
import type { Chunk, Embedder } from '../knowledge/contracts.ts';
import { chunkDocument } from '../knowledge/chunking/chunk-document.ts';
import { chunkItem } from '../knowledge/chunking/chunk-item.ts';
import type { PolicyDocument } from '../knowledge/documents/schema.ts';
import { embedMany } from '../knowledge/embedders/embed-many.ts';
import { IndexDuplicateChunkError } from '../knowledge/errors/index-duplicate-chunk-error.ts';
import { loadHallFile } from '../knowledge/hall/load-hall.ts';
import { HnswVectorIndex } from '../knowledge/index/hnsw-vector-index.ts';
import type { IndexedDocument } from '../knowledge/index/index-manifest.ts';
import { openIndex, writeIndexVersion } from '../knowledge/index/index-store.ts';
import type { CatalogIssue } from '../knowledge/catalog/catalog-issue.ts';
import { CatalogValidationError } from '../knowledge/errors/catalog-validation-error.ts';
import { readCatalogReport } from './loaders/load-catalog.ts';
import { loadDocuments } from './loaders/load-documents.ts';

export type BuildPhase = 'load' | 'chunk' | 'embed' | 'write';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  total: number;
}

export interface BuildIndexOptions {
  catalogFile: string;
  /** Folder of policy documents; none are indexed when omitted. */
  docsDir?: string;
  hallFile: string;
  outDir: string;
  embedder: Embedder;
  onProgress?: (progress: BuildProgress) => void;
  /** Batches in flight at once when embedding (default 2). */
  concurrency?: number;
  /** Catalog warnings (consistency rules) block the build like errors (`--strict`). */
  strict?: boolean;
}

export interface BuildSummary {
  items: number;
  chunks: number;
  /** Chunks embedded in this run. */
  embedded: number;
  /** Chunks whose vector was taken over from the previous version (same content hash). */
  reused: number;
  documents: number;
  /** Documents that could not be read (the build goes on without them). */
  errors: number;
  errorDetails: Array<{ file: string; message: string }>;
  /** Catalog findings that did not block the build (consistency rules), each with file, row and column. */
  warnings: number;
  warningDetails: CatalogIssue[];
  seconds: number;
  version: string;
  folder: string;
}

/**
 * Builds and publishes a new index version; throws (touching nothing) when the catalog has errors, or
 * warnings under `strict`. Warnings otherwise only go into the summary.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);

  progress({ phase: 'load', done: 0, total: 3 });
  const report = await readCatalogReport(options.catalogFile, { strict: options.strict });
  if (!report.catalog) {
    throw new CatalogValidationError(options.catalogFile, report.errors, report.warnings);
  }
  const { catalog } = report;
  progress({ phase: 'load', done: 1, total: 3 });
  const hall = await loadHallFile(options.hallFile);
  progress({ phase: 'load', done: 2, total: 3 });
  const loaded = options.docsDir ? await loadDocuments(options.docsDir) : { documents: [], errors: [] };
  progress({ phase: 'load', done: 3, total: 3 });

  const chunks: Chunk[] = [];
  const documents: IndexedDocument[] = [];
  for (const item of catalog.items) chunks.push(...chunkItem(item));
  for (const document of loaded.documents) {
    const documentChunks = chunkDocument(document);
    chunks.push(...documentChunks);
    documents.push(describeDocument(document, documentChunks.length, options.docsDir));
  }
  assertUniqueIds(chunks);
  progress({ phase: 'chunk', done: chunks.length, total: chunks.length });

  const reusable = await previousVectorsByHash(options.outDir, options.embedder);
  const vectors = await HnswVectorIndex.create({
    dimensions: options.embedder.dimensions,
    capacity: chunks.length,
  });
  const toEmbed: Chunk[] = [];
  let reused = 0;
  for (const chunk of chunks) {
    const vector = reusable.get(chunk.hash);
    if (vector) {
      vectors.add(chunk.id, vector);
      reused += 1;
    } else {
      toEmbed.push(chunk);
    }
  }
  progress({ phase: 'embed', done: 0, total: toEmbed.length });
  const embedded = await embedMany(
    options.embedder,
    toEmbed.map((chunk) => chunk.text),
    {
      concurrency: options.concurrency,
      onProgress: (done, total) => progress({ phase: 'embed', done, total }),
    },
  );
  toEmbed.forEach((chunk, position) => vectors.add(chunk.id, embedded[position]));

  progress({ phase: 'write', done: 0, total: 1 });
  const written = await writeIndexVersion(options.outDir, {
    catalog,
    hall,
    documents,
    chunks,
    vectors,
    embedder: options.embedder,
  });
  progress({ phase: 'write', done: 1, total: 1 });

  const errorDetails = loaded.errors.map((error) => ({ file: error.file, message: error.message }));
  return {
    items: catalog.items.length,
    chunks: chunks.length,
    embedded: toEmbed.length,
    reused,
    documents: documents.length,
    errors: errorDetails.length,
    errorDetails,
    warnings: report.warnings.length,
    warningDetails: report.warnings,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    version: written.version,
    folder: written.folder,
  };
}

function assertUniqueIds(chunks: Chunk[]): void {
  const seen = new Set<string>();
  for (const chunk of chunks) {
    if (seen.has(chunk.id)) throw new IndexDuplicateChunkError(chunk.id);
    seen.add(chunk.id);
  }
}

/**
 * Vectors of the current version keyed by chunk content hash, when that version was built by the
 * same embedder. Any problem with the old version only means everything is embedded afresh.
 */
async function previousVectorsByHash(outDir: string, embedder: Embedder): Promise<Map<string, number[]>> {
  const byHash = new Map<string, number[]>();
  let previous;
  try {
    previous = await openIndex(outDir);
  } catch {
    return byHash;
  }
  const { id, dimensions } = previous.manifest.embedder;
  if (id !== embedder.id || dimensions !== embedder.dimensions) return byHash;
  for (const chunk of previous.chunks) {
    if (byHash.has(chunk.hash)) continue;
    const vector = previous.vectors.getVector(chunk.id);
    if (vector) byHash.set(chunk.hash, vector);
  }
  return byHash;
}

function describeDocument(document: PolicyDocument, chunks: number, docsDir?: string): IndexedDocument {
  return {
    id: document.id,
    title: document.title,
    docNumber: document.docNumber,
    date: document.date,
    source: document.source,
    file:
      document.file && docsDir ? path.relative(docsDir, path.resolve(docsDir, document.file)) : document.file,
    chunks,
  };
}
