import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../knowledge/embedders/lexical-embedder.ts';
import { readCurrentVersion } from '../../../knowledge/index/index-folder.ts';
import { openIndex } from '../../../knowledge/index/index-store.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = path.join(root, 'tests/fixtures/index');
const cli = path.join(root, 'ingest/cli.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: root,
      env: { ...process.env, EMBEDDER: 'builtin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
beforeEach(async () => (work = await mkdtemp(path.join(tmpdir(), 'daoban-cli-'))));
afterEach(async () => rm(work, { recursive: true, force: true }));

const fixtureArgs = (out: string, catalog = path.join(fixtures, 'catalog.json')) => [
  '--catalog',
  catalog,
  '--docs',
  path.join(fixtures, 'policies'),
  '--hall',
  path.join(fixtures, 'hall.json'),
  '--out',
  out,
];

describe('npm run ingest', { timeout: 180_000 }, () => {
  it('builds an index from explicit files and prints the summary line, with no progress bar off a terminal', async () => {
    const out = path.join(work, 'index');
    const run = await runCli(fixtureArgs(out));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(
      /^已建立索引 v\S+：事项 3 个，片段 \d+ 个（新嵌入 \d+，复用 0），文档 1 份，错误 0 个，用时 \d+\.\d 秒$/,
    );
    const index = await openIndex(out, { embedder: new LexicalEmbedder() });
    expect(run.stdout).toContain(`v${index.manifest.version}`);
  });

  it('prints the summary as JSON with --json and reuses vectors on the next run', async () => {
    const out = path.join(work, 'index');
    const first = JSON.parse((await runCli([...fixtureArgs(out), '--json'])).stdout);
    const second = JSON.parse((await runCli([...fixtureArgs(out), '--json'])).stdout);
    expect(first).toMatchObject({ items: 3, documents: 1, errors: 0, reused: 0 });
    expect(second).toMatchObject({ items: 3, embedded: 0, reused: first.chunks });
    expect(await readCurrentVersion(out)).toBe(second.version);
  });

  it('builds the default index from settings when run without arguments', async () => {
    const out = path.join(work, 'default-index');
    const run = await runCli([], {
      CATALOG_FILE: path.join(fixtures, 'catalog.json'),
      HALL_FILE: path.join(fixtures, 'hall.json'),
      DOCS_DIR: path.join(fixtures, 'policies'),
      INDEX_DIR: out,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/事项 3 个.*文档 1 份/);
    await expect(openIndex(out)).resolves.toBeDefined();
  });

  it('exits with 1 and prints every catalog issue, leaving the current index in place', async () => {
    const out = path.join(work, 'index');
    await runCli(fixtureArgs(out));
    const before = await readCurrentVersion(out);
    const badCatalog = path.join(work, 'catalog.json');
    await cp(path.join(fixtures, 'catalog-invalid.json'), badCatalog);
    const run = await runCli(fixtureArgs(out, badCatalog));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    for (const field of ['items[0].kind', 'items[1].promisedDays', 'items[2].name']) {
      expect(run.stderr).toContain(field);
    }
    expect(run.stderr).toContain('马上办');
    expect(await readCurrentVersion(out)).toBe(before);
  });

  it('explains wrong arguments with the usage text and exit code 2', async () => {
    const run = await runCli(['--catalgo', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('用法：npm run ingest');
  });
});
