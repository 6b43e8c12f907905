/**
 * `npm run ask -- [--index DIR] --json "问题"` or `--jsonl` (stdin: a question, {"q"} or {"turns"} per
 * line): answers with the contract object of DESIGN.md §4, one JSON per line. Without --index the
 * default index is used, and built first if it does not exist yet. The assistant comes from the
 * runtime, as the server's does, so CHAT_MODEL (when set) rewords answers here exactly as there.
 */
import path from 'node:path';
import readline from 'node:readline';
import { loadSettings } from '../../config/settings.ts';
import { buildRuntime } from '../../runtime/build-runtime.ts';
import type { Answer } from '../types.ts';
import { readArguments } from './cli-arguments.ts';

const USAGE =
  '用法：npm run ask -- [--index 索引目录] --json "问题"  或  npm run ask -- [--index 索引目录] --jsonl < 问题.jsonl';

function contract(answer: Answer): Record<string, unknown> {
  const {
    answer: text,
    intent,
    items,
    escalate,
    citations,
    latencyMs,
    quickReplies,
    aspect,
    escalation,
  } = answer;
  return { answer: text, intent, items, escalate, citations, latencyMs, quickReplies, aspect, escalation };
}

function turnsOf(line: string): string[] {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return [trimmed];
  const parsed = JSON.parse(trimmed) as { q?: unknown; question?: unknown; turns?: unknown };
  if (
    Array.isArray(parsed.turns) &&
    parsed.turns.every((turn) => typeof turn === 'string') &&
    parsed.turns.length
  ) {
    return parsed.turns as string[];
  }
  const question = parsed.q ?? parsed.question;
  if (typeof question === 'string') return [question];
  throw new Error('每行应为一个问题、{"q": "…"} 或 {"turns": ["…", "…"]}');
}

async function main(): Promise<void> {
  const { flags, rest } = readArguments(process.argv.slice(2));
  const settings = loadSettings();
  const indexFlag = flags.get('index');
  const { assistant } = await buildRuntime(settings, {
    indexDir: typeof indexFlag === 'string' ? path.resolve(indexFlag) : undefined,
    onBuildStart: () => process.stderr.write('默认索引尚未建立，正在建立……\n'),
  });

  const json = flags.get('json');
  if (flags.has('jsonl')) {
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      try {
        const answer = await assistant.ask(turnsOf(line));
        process.stdout.write(`${JSON.stringify(contract(answer))}\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.stdout.write(`${JSON.stringify({ error: { code: 'BAD_LINE', message } })}\n`);
      }
    }
    return;
  }
  const question = typeof json === 'string' ? json : rest.join(' ');
  if (!question.trim()) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const answer = await assistant.ask([question]);
  process.stdout.write(`${JSON.stringify(contract(answer), null, flags.has('pretty') ? 2 : undefined)}\n`);
}

main().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  process.stderr.write(`${coded.code ? `[${coded.code}] ` : ''}${coded.message ?? String(error)}\n`);
  process.exitCode = 1;
});
