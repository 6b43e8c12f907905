/**
 * Speech figures for `npm run bench` (issue 12's targets: first sentence ≤ 300 ms uncached,
 * ≥ 20 sentences/s cached), measured over real HTTP on a server of its own (no index needed: the
 * speech routes do not ask the assistant): the plan and the first sentence's audio of answers
 * never spoken before, with the engine cold and warm; cached sentences per second, one client and
 * four; and the longest event-loop delay while the engine works (it runs in a worker thread).
 * Printed, never judged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startServer } from '../bot/server/start.ts';
import type { Assistant } from '../bot/types.ts';
import { formatTable } from '../eval/format-report.ts';
import { summarizeLatency } from '../eval/metrics/latency.ts';

/** Answers as the assistant writes them; each first sentence differs from the others. */
const ANSWERS = [
  '办理营业执照需要以下材料：\n1. 申请书\n2. 身份证原件\n请到C14-C16号窗口办理。',
  '社保卡补办，请带身份证原件到二楼社保综合窗口，当场领取。',
  '护照申请的承诺时限为7个工作日，收费120元。',
  '不动产转移登记请到三楼A区，办理时间9:00-12:00，13:30-17:00。',
  '您好！请问您要办理什么业务？',
  '居住证办理需要提供租房合同和身份证，可以在网上预审。',
  '结婚登记请双方本人一同到场，带户口簿和身份证。',
  '食品经营许可需要提交经营场所平面图和食品安全管理制度。',
  '公积金提取可以全程网办，到账时间为3个工作日。',
  '如有疑问，请拨打咨询电话0571-88886666。',
  '新生儿落户请带出生医学证明，到一楼户政窗口办理。',
  '驾驶证换证请先完成体检，再到车管所窗口办理。',
];

const STUB_ASSISTANT: Assistant = {
  reply: () => Promise.reject(new Error('no assistant in the speech bench')),
  ask: () => Promise.reject(new Error('no assistant in the speech bench')),
  addKnowledge: () => Promise.resolve(),
  removeKnowledge: () => Promise.resolve(),
};

type Plan = { sentences: { text: string; audioUrl: string }[] };

async function firstSentence(base: string, answer: string): Promise<{ ms: number; audioUrl: string }> {
  const started = performance.now();
  const plan = (await (
    await fetch(`${base}/api/v1/speech/plan?text=${encodeURIComponent(answer)}`)
  ).json()) as Plan;
  const audioUrl = plan.sentences[0].audioUrl;
  const audio = await fetch(`${base}${audioUrl}`);
  await audio.arrayBuffer();
  if (audio.status !== 200) throw new Error(`speech answered ${audio.status}`);
  return { ms: performance.now() - started, audioUrl };
}

async function cachedRate(base: string, urls: readonly string[], clients: number, seconds: number) {
  let served = 0;
  const until = performance.now() + seconds * 1000;
  const client = async (offset: number) => {
    for (let index = offset; performance.now() < until; index += 1) {
      const response = await fetch(`${base}${urls[index % urls.length]}`);
      await response.arrayBuffer();
      if (response.status === 200) served += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, offset) => client(offset)));
  return served / ((performance.now() - started) / 1000);
}

/** A server of its own with speech only (the stub assistant), no budgets in the way. */
async function speechServer() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'daoban-speech-bench-'));
  const server = await startServer({
    port: 0,
    assistant: STUB_ASSISTANT,
    settings: {
      dataDir,
      indexDir: path.join(dataDir, 'index'),
      host: '127.0.0.1',
      logLevel: 'silent',
      admin: undefined,
      limits: { ipPerMinute: 1_000_000 },
      speech: { maxChars: 300, cacheMb: 32, synthesisIpPerMinute: 1_000_000 },
    },
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh server's first sentence after the kiosk's page load asked for its greeting's plan. */
async function afterWarmUp(): Promise<number> {
  const server = await speechServer();
  try {
    await fetch(
      `${server.url}/api/v1/speech/plan?text=${encodeURIComponent('您好，欢迎来到政务服务大厅。')}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return (await firstSentence(server.url, ANSWERS[1])).ms;
  } finally {
    await server.close();
  }
}

export async function runSpeechBench(): Promise<string> {
  const warmedUp = await afterWarmUp();
  const server = await speechServer();
  try {
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    const cold = await firstSentence(server.url, ANSWERS[0]);
    loopDelay.enable();
    const warm: number[] = [];
    const urls = [cold.audioUrl];
    for (const answer of ANSWERS.slice(1)) {
      const result = await firstSentence(server.url, answer);
      warm.push(result.ms);
      urls.push(result.audioUrl);
    }
    loopDelay.disable();
    const latency = summarizeLatency(warm);
    const single = await cachedRate(server.url, urls, 1, 2);
    const four = await cachedRate(server.url, urls, 4, 2);
    const table = formatTable(
      ['speech (HTTP)', 'figure', 'target'],
      [
        ['first sentence, engine cold (ms)', cold.ms.toFixed(0), '—'],
        ['first sentence, after the page-load warm-up (ms)', warmedUp.toFixed(0), '≤ 300'],
        [`first sentence, uncached, p50 of ${warm.length} (ms)`, latency.p50.toFixed(0), '≤ 300'],
        ['first sentence, uncached, p95 (ms)', latency.p95.toFixed(0), '≤ 300'],
        ['first sentence, uncached, max (ms)', Math.max(...warm).toFixed(0), '—'],
        ['cached sentences/s, 1 client', single.toFixed(0), '≥ 20'],
        ['cached sentences/s, 4 clients', four.toFixed(0), '≥ 20'],
        ['longest event-loop delay while synthesising (ms)', (loopDelay.max / 1e6).toFixed(0), '—'],
      ],
    );
    return `${table}\n(plan + first sentence's WAV of answers not spoken before, server and client in this process; the engine runs in a worker thread)`;
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSpeechBench().then(
    (report) => console.log(report),
    (error: unknown) => {
      console.error(`speech bench failed: ${String(error)}`);
      process.exitCode = 1;
    },
  );
}
