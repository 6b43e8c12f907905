/**
 * `npm run bench:load`: N concurrent websocket chat sessions on loopback against a fresh server
 * (default catalog, built-in embedder, no LLM). Sessions send at a pace that offers `--rate`
 * messages/s in total; prints the achieved messages/s, p50/p95/p99 latency (send → answer), errors.
 *
 *   npm run bench:load -- [--sessions 200] [--messages 10] [--rate 450] [--url ws://host:port/ws]
 *   npm run bench:load -- --hostile
 * Without --url it starts its own server on an ephemeral port with a temp data folder.
 *
 * `--hostile` runs the sessions twice on a server with the default limits (each session from its
 * own address, as a proxy on loopback reports it): alone, then beside one hostile client (a process
 * of its own, bench/hostile-client.ts) that opens sockets up to its per-address cap and sends 5,000
 * junk frames and 1,000 welcome_back frames without reading. It prints both p95 latencies, the process RSS before and after, and /healthz
 * latency during the attack. Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { setTimeout as delay } from 'node:timers/promises';
import { startServer } from '../bot/server/start.ts';
import { loadSettings } from '../config/settings.ts';
import type { HostileReport } from './hostile-client.ts';
import { runHandoverLoad } from './handover-load.ts';

const BENCH_ADMIN = { username: 'bench.admin', password: 'bench-hall-key-4817' };

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    messages: { type: 'string', default: '10' },
    rate: { type: 'string', default: '450' },
    url: { type: 'string' },
    'index-dir': { type: 'string' },
    hostile: { type: 'boolean', default: false },
  },
});
const sessions = Number(values.sessions);
const messagesPerSession = Number(values.messages);
/** Offered load, messages per second over all sessions. */
const rate = Number(values.rate);
const QUESTIONS = [
  '营业执照怎么办',
  '社保卡补办要带什么',
  '结婚登记在哪里办',
  '护照多久能办好',
  '不动产登记收费吗',
  '养犬登记怎么办',
  '那要带什么材料',
  '可以网上办吗',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Open loop, like a hall full of citizens: each session sends at a fixed pace whether or not its
 * last answer has arrived, so latency is measured at the offered rate rather than hidden by
 * clients that wait.
 */
async function runSession(
  url: string,
  index: number,
  intervalMs: number,
  latencies: number[],
  errors: string[],
): Promise<void> {
  // Each session from its own address, as the trusted proxy on loopback reports it.
  const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const socket = new WebSocket(url, { headers: { 'x-forwarded-for': address } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const user = `bench-${process.pid}-${index}`;
  const sentAt: number[] = [];
  let answered = 0;
  let finish: () => void = () => undefined;
  const allAnswered = new Promise<void>((resolve) => {
    finish = resolve;
  });
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { type: string; answer?: unknown; error?: { code: string } };
    if (event.type === 'error') errors.push(event.error?.code ?? 'error');
    if ((event.type === 'message' && event.answer) || event.type === 'error') {
      // Answers of one session come back in the order asked.
      latencies.push(performance.now() - (sentAt[answered] ?? performance.now()));
      answered += 1;
      if (answered === messagesPerSession) finish();
    }
  });
  socket.send(JSON.stringify({ type: 'hello', user }));
  // A random phase spreads the sessions over the interval.
  await delay(Math.random() * intervalMs);
  for (let turn = 0; turn < messagesPerSession; turn += 1) {
    sentAt.push(performance.now());
    socket.send(
      JSON.stringify({ type: 'message', user, text: QUESTIONS[(index + turn) % QUESTIONS.length] }),
    );
    if (turn < messagesPerSession - 1) await delay(intervalMs);
  }
  await Promise.race([allAnswered, delay(30_000)]);
  if (answered < messagesPerSession) errors.push(`lost:${messagesPerSession - answered}`);
  socket.close();
}

interface LoadFigures {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

async function runLoad(url: string): Promise<LoadFigures> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: sessions }, (_, index) =>
      runSession(url, index, (sessions / rate) * 1000, latencies, errors),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const failedSessions = results.filter((result) => result.status === 'rejected').length;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    messages: latencies.length,
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Number((latencies.length / seconds).toFixed(1)),
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
    errors: errors.length + failedSessions,
  };
}

/**
 * The hostile client in a process of its own (its buffers and CPU are not the server's), started and
 * compiled before the measured run: `start()` resolves once it is ready, `attack()` lets it loose.
 */
async function hostileProcess(args: string[]): Promise<{ attack: () => Promise<HostileReport> }> {
  const file = fileURLToPath(new URL('./hostile-client.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const exited = new Promise<HostileReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the hostile client exited with ${code}`));
      else resolve(JSON.parse(output.slice(output.indexOf('\n') + 1)) as HostileReport);
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready\n')) resolve();
    });
    exited.catch(reject);
  });
  return {
    attack: () => {
      child.stdin.write('go\n');
      return exited;
    },
  };
}

const rssMb = () => Number((process.memoryUsage().rss / 1024 / 1024).toFixed(0));

/** /healthz round trips every 100 ms until `done` settles: median and worst, in ms. */
async function sampleHealth(httpUrl: string, done: Promise<unknown>) {
  const samples: number[] = [];
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  while (!finished) {
    const started = performance.now();
    await fetch(`${httpUrl}/healthz`).then((response) => response.text());
    samples.push(performance.now() - started);
    await delay(100);
  }
  const sorted = samples.sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? NaN).toFixed(1)),
  };
}

async function main() {
  let url = values.url;
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  const defaults = loadSettings({});
  if (!url) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'daoban-bench-'));
    const server = await startServer({
      port: 0,
      logWrite: () => undefined,
      settings: {
        dataDir,
        indexDir: values['index-dir'] ?? path.join(dataDir, 'index'),
        logLevel: 'warn',
        store: { synchronous: process.env.DB_SYNCHRONOUS === 'normal' ? 'normal' : 'full' },
        // The sessions and the hostile client are told apart by the address the "proxy" reports.
        server: { trustProxy: ['loopback'] },
        admin: BENCH_ADMIN,
        limits: values.hostile
          ? defaults.limits
          : {
              maxMessageChars: 500,
              maxBodyBytes: 65536,
              ipPerMinute: 1_000_000,
              sessionPerMinute: 1_000_000,
              loginPerMinute: 10,
              wsMaxConnections: 100_000,
              wsMaxConnectionsPerIp: 100_000,
            },
      },
    });
    url = `${server.url.replace(/^http/, 'ws')}/ws`;
    stop = server.close;
  }
  process.stdout.write(
    `load: ${sessions} sessions × ${messagesPerSession} messages, offered ${rate} messages/s, on ${url}\n`,
  );
  const target = '≥ 300 messages/s at p95 ≤ 100 ms';
  if (!values.hostile) {
    const figures = await runLoad(url);
    process.stdout.write(`${JSON.stringify({ sessions, offeredRate: rate, ...figures, target }, null, 2)}\n`);
    if (stop) {
      // The hand-over: as many citizens handed over, five consoles watching, both directions timed.
      const handover = await runHandoverLoad({
        httpUrl: url.replace(/^ws/, 'http').replace(/\/ws$/, ''),
        wsUrl: url,
        admin: BENCH_ADMIN,
        citizens: sessions,
        consoles: 5,
        messagesPerCitizen: 5,
        repliesPerCitizen: 2,
        rate: 100,
      });
      const handoverTarget = 'citizen → console ≤ 100 ms p95, staff → citizen ≤ 100 ms p95';
      process.stdout.write(`${JSON.stringify({ handover, target: handoverTarget }, null, 2)}\n`);
    }
  } else {
    const httpUrl = url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    const aloneRun = runLoad(url);
    const aloneHealth = sampleHealth(httpUrl, aloneRun);
    const [alone, healthzAlone] = await Promise.all([aloneRun, aloneHealth]);
    const attacker = await hostileProcess([
      '--url',
      url,
      '--address',
      '203.0.113.66',
      '--sockets',
      String(defaults.limits.wsMaxConnectionsPerIp + 5),
      '--junk',
      '5000',
      '--welcome-back',
      '1000',
    ]);
    const rssBefore = rssMb();
    const legitimate = runLoad(url);
    const hostile = attacker.attack();
    const health = sampleHealth(httpUrl, Promise.all([legitimate, hostile]));
    const [withHostile, hostileReport, healthz] = await Promise.all([legitimate, hostile, health]);
    const report = {
      sessions,
      offeredRate: rate,
      alone: {
        p95Ms: alone.p95Ms,
        p99Ms: alone.p99Ms,
        p50Ms: alone.p50Ms,
        messagesPerSecond: alone.messagesPerSecond,
        errors: alone.errors,
      },
      withHostile: {
        p95Ms: withHostile.p95Ms,
        p99Ms: withHostile.p99Ms,
        p50Ms: withHostile.p50Ms,
        messagesPerSecond: withHostile.messagesPerSecond,
        errors: withHostile.errors,
      },
      hostile: hostileReport,
      rssMb: { before: rssBefore, after: rssMb() },
      healthz: { alone: healthzAlone, duringAttack: healthz },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
  await stop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

await main();
