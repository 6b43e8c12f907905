import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../unit/bot/compose/fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let indexDir: string;

interface CliOutput {
  item: { id: string; name: string };
  missing: Array<{ name: string; note?: string }>;
  deferrable: Array<{ name: string }>;
  exempt: Array<{ name: string; note: string }>;
  invalid: Array<{ field: string; reason: string }>;
  notice: string;
  error: { code: string; message: string; line?: number };
}

function runCli(args: string[], input: string) {
  return spawnSync(tsx, [path.join(root, 'bot/cli/precheck.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
}

beforeAll(() => {
  // A plain index folder holding only current/catalog.json: the CLI accepts it without vectors.
  indexDir = mkdtempSync(path.join(tmpdir(), 'daoban-precheck-'));
  mkdirSync(path.join(indexDir, 'current'));
  writeFileSync(path.join(indexDir, 'current', 'catalog.json'), JSON.stringify(catalog));
});

afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('npm run precheck -- --index DIR --jsonl', () => {
  it('prints one result per case and an error object for each bad line, then goes on', () => {
    const lines = [
      JSON.stringify({ itemId: 'QYKB-001', provided: ['申请书'], situation: '委托他人代为办理' }),
      '{not json',
      '',
      JSON.stringify({ itemName: '申请月球护照', provided: [] }),
      JSON.stringify({
        itemName: '办社保卡',
        provided: ['身份证', '户口本复印件', '照片'],
        fields: { phone: '12345' },
      }),
      JSON.stringify({ itemId: 'SHMS-001', uploads: ['0123456789abcdef'] }),
    ];
    const result = runCli(['--index', indexDir, '--jsonl'], `${lines.join('\n')}\n`);
    expect(result.status, result.stderr).toBe(0);
    const outputs = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliOutput);
    expect(outputs).toHaveLength(5);

    expect(outputs[0].item).toEqual({ id: 'QYKB-001', name: '企业设立登记' });
    expect(outputs[0].missing.map((material) => material.name)).toEqual([
      '公司章程',
      '股东的主体资格证明',
      '委托代理人身份证明及授权委托书',
    ]);
    expect(outputs[0].deferrable).toEqual([{ name: '住所（经营场所）使用证明' }]);
    expect(outputs[0].notice).toContain('一次性告知');

    expect(outputs[1].error).toMatchObject({ code: 'BAD_JSON', line: 2 });
    expect(outputs[2].error).toMatchObject({ code: 'ITEM_NOT_FOUND', line: 4 });
    expect(outputs[2].error.message).toContain('申请月球护照');

    expect(outputs[3].item.id).toBe('SHMS-001');
    expect(outputs[3].missing).toEqual([]);
    expect(outputs[3].invalid).toEqual([{ field: 'phone', reason: expect.stringContaining('11位手机号码') }]);
    // Upload ids name files only the server keeps: said so, not silently ignored.
    expect(outputs[4].error).toMatchObject({ code: 'PRECHECK_UPLOAD_NOT_FOUND', line: 6 });
    expect(outputs[4].error.message).toContain('provided');
  });

  it('takes the situation as answers or as free text and reports exemptions and deferrable materials', () => {
    const provided = ['申请书', '章程'];
    const lines = [
      JSON.stringify({ itemId: 'QYKB-001', provided, situation: { agent: true, c2: '是' } }),
      JSON.stringify({ itemId: 'QYKB-001', provided, situation: '我让朋友帮我代办' }),
      JSON.stringify({ itemId: 'QYKB-001', provided, situation: { house: '二手房' } }),
    ];
    const result = runCli(['--index', indexDir, '--jsonl'], `${lines.join('\n')}\n`);
    expect(result.status, result.stderr).toBe(0);
    const [answers, text, unknown] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliOutput);
    expect(answers.missing).toEqual([{ name: '委托代理人身份证明及授权委托书', note: '委托他人代为办理的' }]);
    expect(answers.exempt).toEqual([
      { name: '股东的主体资格证明', note: '股东为自然人的，通过身份核验获取，免提交' },
    ]);
    expect(answers.deferrable).toEqual([{ name: '住所（经营场所）使用证明' }]);
    expect(text.missing).toEqual([
      { name: '股东的主体资格证明', note: '如股东为自然人可不提交' },
      { name: '委托代理人身份证明及授权委托书', note: '委托他人代为办理的' },
    ]);
    expect(unknown.error).toMatchObject({ code: 'PRECHECK_INPUT_INVALID', line: 3 });
    expect(unknown.error.message).toContain('可用的有：agent、c1、c2');
  });

  it('checks a single case with --json', () => {
    const result = runCli(
      ['--index', indexDir, '--json', JSON.stringify({ itemId: 'SHMS-001', provided: ['身份证'] })],
      '',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).missing.map((material: { name: string }) => material.name)).toEqual([
      '居民户口簿',
      '近期免冠彩色证件照片',
    ]);
  });

  it('fails with a coded message when the index folder does not exist', () => {
    const result = runCli(['--index', path.join(indexDir, 'missing'), '--jsonl'], '');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\[[A-Z_]+\]/);
  });

  it.skipIf(!existsSync(path.join(root, 'knowledge/data/catalog.json')))(
    'reads the catalog of a real index built by ingest',
    () => {
      const realIndex = path.join(indexDir, 'real');
      const built = spawnSync(
        tsx,
        [path.join(root, 'ingest/cli.ts'), '--catalog', 'knowledge/data/catalog.json', '--out', realIndex],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(built.status, built.stderr).toBe(0);
      const result = runCli(
        ['--index', realIndex, '--jsonl'],
        `${JSON.stringify({ itemName: '结婚登记', provided: ['身份证', '声明书', '照片'] })}\n`,
      );
      expect(result.status, result.stderr).toBe(0);
      const output = JSON.parse(result.stdout) as CliOutput;
      expect(output.item.id).toBe('HYDJ-001');
      expect(output.missing).toEqual([]);
    },
  );
});
