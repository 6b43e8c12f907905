/**
 * The manifest of one index version: which embedder made its vectors (so it is never queried with
 * another), what catalog and hall it holds, and the content hash of every chunk (so the next ingest
 * re-embeds only what changed). Validated on read, since a hand-edited or truncated file must not
 * pass for an index.
 */
import { z } from 'zod';

export const INDEX_FORMAT_VERSION = 1;

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  version: z.string().min(1),
  createdAt: z.string().min(1),
  embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  catalog: z.object({ version: z.string(), hall: z.string() }),
  hall: z.object({ name: z.string() }),
  counts: z.object({
    items: z.number().int().min(0),
    themes: z.number().int().min(0),
    chunks: z.number().int().min(0),
    documents: z.number().int().min(0),
  }),
  /** chunk id → content hash. */
  chunkHashes: z.record(z.string(), z.string()),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

/** What the index keeps of a policy document: enough to cite it, not its full text (chunks hold that). */
export interface IndexedDocument {
  id: string;
  title: string;
  /** 文号, e.g. 国办发〔2024〕12号. */
  docNumber?: string;
  date?: string;
  source?: string;
  /** File the document was read from, relative to the documents folder. */
  file?: string;
  chunks: number;
}
