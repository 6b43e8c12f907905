/**
 * `npm run precheck -- [--index DIR] --jsonl`: reads pre-check cases from stdin, one JSON object per
 * line ({ itemId | itemName, situation, provided, fields }; `situation` is answers by question key or
 * free text, see docs/http-api.md), and prints one result per line — the same as POST /api/v1/precheck. A bad
 * line prints { "error": { code, message, line } } and the run goes on with the next line.
 * `--json '<case>'` checks a single case. Without --index the default index is used (built first if
 * it does not exist yet).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { loadSettings } from '../../config/settings.ts';
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import { validateCatalog } from '../../knowledge/catalog/validate.ts';
import { CatalogValidationError } from '../../knowledge/errors/catalog-validation-error.ts';
import { readIndexedCatalog } from '../../knowledge/index/index-store.ts';
import { precheck } from '../precheck/precheck.ts';
import { readArguments } from './cli-arguments.ts';

const USAGE =
  '用法：npm run precheck -- [--index 索引目录] --jsonl < 预检案例.jsonl  或  --json \'{"itemName": "…", "provided": ["…"]}\'';

/**
 * The catalog of an index folder. A plain folder holding `current/catalog.json` (no manifest) is also
 * accepted, so a catalog can be pre-checked without building vectors.
 */
async function loadCatalog(indexDir: string): Promise<Catalog> {
  try {
    return (await readIndexedCatalog(indexDir)).catalog;
  } catch (error) {
    const plainFile = path.join(indexDir, 'current', 'catalog.json');
    if (!existsSync(plainFile)) throw error;
    const { catalog, issues } = validateCatalog(JSON.parse(await readFile(plainFile, 'utf8')), {
      file: plainFile,
    });
    if (!catalog) throw new CatalogValidationError(plainFile, issues);
    return catalog;
  }
}

async function resolveIndexDir(flag: string | true | undefined): Promise<string> {
  if (typeof flag === 'string') return path.resolve(flag);
  // Loaded only here: building pulls in the loaders and the embedder, which checking does not need.
  const { prepareIndex } = await import('../../runtime/prepare-index.ts');
  const { indexDir } = await prepareIndex(loadSettings(), {
    onBuildStart: () => process.stderr.write('默认索引尚未建立，正在建立……\n'),
  });
  return indexDir;
}

function errorObject(
  error: unknown,
  line?: number,
): { error: { code: string; message: string; line?: number } } {
  const coded = error as { code?: unknown; message?: unknown };
  const code =
    typeof coded.code === 'string'
      ? coded.code
      : error instanceof SyntaxError
        ? 'BAD_JSON'
        : 'PRECHECK_FAILED';
  const message = typeof coded.message === 'string' ? coded.message : String(error);
  return { error: { code, message, line } };
}

function checkLine(text: string, catalog: Catalog, line?: number): string {
  try {
    const input: unknown = JSON.parse(text);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return JSON.stringify(
        errorObject({ code: 'PRECHECK_INPUT_INVALID', message: '每行应为一个 JSON 对象' }, line),
      );
    }
    // Upload ids name files the server keeps; the command line has none to look up.
    const uploads = (input as { uploads?: unknown }).uploads;
    if (Array.isArray(uploads) && uploads.length > 0) {
      return JSON.stringify(
        errorObject(
          {
            code: 'PRECHECK_UPLOAD_NOT_FOUND',
            message:
              'uploads 只能用于服务器上的预审（POST /api/v1/precheck）；命令行请用 provided 列出材料、用 fields 填写号码。',
          },
          line,
        ),
      );
    }
    return JSON.stringify(precheck(input as Parameters<typeof precheck>[0], catalog));
  } catch (error) {
    return JSON.stringify(errorObject(error, line));
  }
}

async function main(): Promise<void> {
  const { flags } = readArguments(process.argv.slice(2));
  const single = flags.get('json');
  if (!flags.has('jsonl') && typeof single !== 'string') {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const catalog = await loadCatalog(await resolveIndexDir(flags.get('index')));
  if (typeof single === 'string') {
    const output = checkLine(single, catalog);
    process.stdout.write(`${output}\n`);
    if (output.startsWith('{"error"')) process.exitCode = 1;
    return;
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    process.stdout.write(`${checkLine(line, catalog, lineNumber)}\n`);
  }
}

main().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  process.stderr.write(`${coded.code ? `[${coded.code}] ` : ''}${coded.message ?? String(error)}\n`);
  process.exitCode = 1;
});
