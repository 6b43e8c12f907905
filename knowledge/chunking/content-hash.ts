/** The content hash carried by every chunk, so incremental ingest re-embeds only changed text. */
import { createHash } from 'node:crypto';

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');
