/**
 * runtime/ sits on top of bot/, knowledge/, ingest/ and config/: of those, only the composition roots
 * (bot/server/compose.ts and the CLIs in bot/cli/) may import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const COMPOSITION_ROOTS = [/^bot\/server\/compose\.ts$/, /^bot\/cli\/[^/]+\.ts$/];
const IMPORTS_RUNTIME = /(?:from\s+|import\s*\()\s*['"][^'"]*\/runtime\/[^'"]+['"]/;

function typescriptFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('import direction of runtime/', () => {
  it('is imported by no module of bot, knowledge, ingest or config but the composition roots', () => {
    const offenders = ['bot', 'knowledge', 'ingest', 'config']
      .flatMap(typescriptFiles)
      .filter((file) => !COMPOSITION_ROOTS.some((pattern) => pattern.test(file)))
      .filter((file) => IMPORTS_RUNTIME.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('is used by the composition roots', () => {
    for (const file of ['bot/server/compose.ts', 'bot/cli/ask.ts', 'bot/cli/precheck.ts']) {
      expect(readFileSync(path.join(root, file), 'utf8'), file).toMatch(IMPORTS_RUNTIME);
    }
  });
});
