import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
      /^已建立索引 v\S+：事项 3 个，片段 \d+ 个（新嵌入 \d+，复用 0），文档 1 份，错误 0 个，提醒 0 处，用时 \d+\.\d 秒$/,
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

  it('builds despite catalog warnings and prints each one; --strict refuses them and keeps the index', async () => {
    const out = path.join(work, 'index');
    const catalog = JSON.parse(await readFile(path.join(fixtures, 'catalog.json'), 'utf8'));
    catalog.items[2].visits = 1; // 全程网办 with a visit
    catalog.items[2].legalDays = 3; // promised 5 > legal 3
    const warned = path.join(work, 'warned.json');
    await writeFile(warned, JSON.stringify(catalog));

    const run = await runCli([...fixtureArgs(out, warned), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ items: 3, errors: 0, warnings: 2 });
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `提醒：${warned}：第 3 条事项「承诺时限」（items[2].promisedDays）：承诺时限（5 个工作日）不能超过法定时限（3 个工作日）`,
      `提醒：${warned}：第 3 条事项「跑动次数」（items[2].visits）：网办深度为“全程网办”时应为 0，实际为“1”`,
    ]);
    const text = await runCli(fixtureArgs(out, warned));
    expect(text.stdout).toContain('错误 0 个，提醒 2 处');

    const before = await readCurrentVersion(out);
    const strict = await runCli([...fixtureArgs(out, warned), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('有 2 处问题');
    expect(strict.stderr).toContain('items[2].visits');
    expect(await readCurrentVersion(out)).toBe(before);
  });

  it('documents --strict in the usage text', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[--strict]');
    expect(run.stdout).toMatch(/--strict {3}把事项清单的提醒/);
  });

  it('explains wrong arguments with the usage text and exit code 2', async () => {
    const run = await runCli(['--catalgo', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('用法：npm run ingest');
  });
});
