/**
 * VectorIndex on hnswlib-node (cosine space). hnswlib knows only integer labels, so this class keeps
 * the label ↔ chunk id mapping and saves it next to the graph (`vectors.hnsw` + `labels.json`).
 * Removal marks the label deleted (hnswlib cannot shrink a graph); the capacity grows by doubling
 * before an insert would pass it. The native module is imported lazily, on first create or load.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Hnswlib from 'hnswlib-node';
import type { HierarchicalNSW as HierarchicalNSWType } from 'hnswlib-node';
import type { VectorHit, VectorIndex } from '../contracts.ts';
import { IndexCorruptError } from '../errors/index-corrupt-error.ts';
import { IndexVectorDimensionError } from '../errors/index-vector-dimension-error.ts';

export const VECTORS_FILE = 'vectors.hnsw';
export const LABELS_FILE = 'labels.json';
const LABELS_FORMAT = 1;

interface LabelsFile {
  format: number;
  space: 'cosine';
  dimensions: number;
  nextLabel: number;
  /** [label, chunkId] for every live (not deleted) vector. */
  labels: Array<[number, string]>;
}

export interface HnswOptions {
  dimensions: number;
  /** Initial capacity; grows automatically. */
  capacity?: number;
  /** Graph degree and build quality; the hnswlib defaults suit indexes of a few thousand chunks. */
  m?: number;
  efConstruction?: number;
  /** Search breadth; raised to k when k is larger. */
  efSearch?: number;
}

type HnswModule = typeof Hnswlib;

async function loadHnswlib(): Promise<HnswModule> {
  try {
    const loaded = (await import('hnswlib-node')) as HnswModule & { default?: HnswModule };
    return loaded.HierarchicalNSW ? loaded : (loaded.default as HnswModule);
  } catch (error) {
    throw new Error(
      'The native module hnswlib-node is not installed or did not compile; run `npm install`.',
      {
        cause: error,
      },
    );
  }
}

export class HnswVectorIndex implements VectorIndex {
  readonly dimensions: number;
  private readonly graph: HierarchicalNSWType;
  private readonly labelOf = new Map<string, number>();
  private readonly chunkOf = new Map<number, string>();
  private nextLabel = 0;
  private readonly efSearch: number;

  private constructor(graph: HierarchicalNSWType, dimensions: number, efSearch: number) {
    this.graph = graph;
    this.dimensions = dimensions;
    this.efSearch = efSearch;
  }

  static async create(options: HnswOptions): Promise<HnswVectorIndex> {
    const { HierarchicalNSW } = await loadHnswlib();
    const graph = new HierarchicalNSW('cosine', options.dimensions);
    graph.initIndex({
      maxElements: Math.max(16, options.capacity ?? 1024),
      m: options.m ?? 16,
      efConstruction: options.efConstruction ?? 200,
      randomSeed: 100,
    });
    return new HnswVectorIndex(graph, options.dimensions, options.efSearch ?? 64);
  }

  /** Loads an index saved by `save(folder)`. */
  static async load(folder: string, options: { efSearch?: number } = {}): Promise<HnswVectorIndex> {
    let labels: LabelsFile;
    try {
      labels = JSON.parse(await readFile(path.join(folder, LABELS_FILE), 'utf8')) as LabelsFile;
    } catch (error) {
      throw new IndexCorruptError(folder, `${LABELS_FILE} cannot be read`, { cause: error });
    }
    if (
      labels.format !== LABELS_FORMAT ||
      !Number.isInteger(labels.dimensions) ||
      !Array.isArray(labels.labels)
    ) {
      throw new IndexCorruptError(folder, `${LABELS_FILE} has an unknown format`);
    }
    const { HierarchicalNSW } = await loadHnswlib();
    const graph = new HierarchicalNSW('cosine', labels.dimensions);
    try {
      await graph.readIndex(path.join(folder, VECTORS_FILE));
    } catch (error) {
      throw new IndexCorruptError(folder, `${VECTORS_FILE} cannot be read`, { cause: error });
    }
    const index = new HnswVectorIndex(graph, labels.dimensions, options.efSearch ?? 64);
    for (const [label, chunkId] of labels.labels) {
      index.labelOf.set(chunkId, label);
      index.chunkOf.set(label, chunkId);
    }
    index.nextLabel = labels.nextLabel;
    return index;
  }

  /** Number of live vectors (deleted ones excluded). */
  get size(): number {
    return this.labelOf.size;
  }

  /** Current capacity of the graph, including slots of deleted vectors. */
  get capacity(): number {
    return this.graph.getMaxElements();
  }

  has(chunkId: string): boolean {
    return this.labelOf.has(chunkId);
  }

  chunkIds(): string[] {
    return [...this.labelOf.keys()];
  }

  /** The stored vector of a chunk (unit length: the cosine space normalises on insert). */
  getVector(chunkId: string): number[] | undefined {
    const label = this.labelOf.get(chunkId);
    return label === undefined ? undefined : [...this.graph.getPoint(label)];
  }

  /** Adds a vector, replacing the chunk's previous vector if it had one. */
  add(chunkId: string, vector: number[]): void {
    if (vector.length !== this.dimensions) {
      throw new IndexVectorDimensionError(this.dimensions, vector.length);
    }
    if (this.labelOf.has(chunkId)) this.remove(chunkId);
    // getCurrentCount counts deleted slots too: they still occupy capacity.
    const used = this.graph.getCurrentCount();
    if (used >= this.graph.getMaxElements()) this.graph.resizeIndex(Math.max(16, used * 2));
    const label = this.nextLabel++;
    // hnswlib-node accepts plain arrays only; a typed array would be rejected.
    this.graph.addPoint(Array.isArray(vector) ? vector : Array.from(vector), label);
    this.labelOf.set(chunkId, label);
    this.chunkOf.set(label, chunkId);
  }

  remove(chunkId: string): void {
    const label = this.labelOf.get(chunkId);
    if (label === undefined) return;
    this.graph.markDelete(label);
    this.labelOf.delete(chunkId);
    this.chunkOf.delete(label);
  }

  /** The `k` nearest chunks, best first; score is cosine similarity (1 = same direction). */
  search(vector: number[], k: number): VectorHit[] {
    if (vector.length !== this.dimensions) {
      throw new IndexVectorDimensionError(this.dimensions, vector.length);
    }
    const wanted = Math.min(Math.floor(k), this.size);
    if (wanted <= 0) return [];
    this.graph.setEf(Math.max(this.efSearch, wanted));
    const result = this.graph.searchKnn(Array.from(vector), wanted);
    const hits: VectorHit[] = [];
    result.neighbors.forEach((label, position) => {
      const chunkId = this.chunkOf.get(label);
      if (chunkId !== undefined) hits.push({ chunkId, score: 1 - result.distances[position] });
    });
    return hits;
  }

  async save(folder: string): Promise<void> {
    await mkdir(folder, { recursive: true });
    await this.graph.writeIndex(path.join(folder, VECTORS_FILE));
    const labels: LabelsFile = {
      format: LABELS_FORMAT,
      space: 'cosine',
      dimensions: this.dimensions,
      nextLabel: this.nextLabel,
      labels: [...this.chunkOf.entries()],
    };
    await writeFile(path.join(folder, LABELS_FILE), JSON.stringify(labels));
  }
}
