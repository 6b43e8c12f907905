/**
 * Brotli and gzip copies of every text asset (`x.js.br`, `x.js.gz`), made once at build time at the
 * highest levels, so the server only picks a file by Accept-Encoding and never compresses per request.
 * A copy that would not be smaller is not written; the server then sends the original.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export async function precompress(folder: string): Promise<number> {
  let written = 0;
  for (const file of await filesUnder(folder)) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const content = await readFile(file);
    const variants: [string, Buffer][] = [
      [
        '.br',
        brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
      ],
      ['.gz', gzipSync(content, { level: 9 })],
    ];
    for (const [suffix, compressed] of variants) {
      if (compressed.length >= content.length) continue;
      await writeFile(file + suffix, compressed);
      written += 1;
    }
  }
  return written;
}
