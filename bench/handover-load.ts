/**
 * The hand-over under load, for `npm run bench:load`: N citizen sessions are handed over to staff
 * (consent given, one case each) while C staff consoles hold the live stream. Citizens then write at
 * a steady pace and staff reply over HTTP; it measures a citizen message until the first console's
 * stream carries it, and a staff reply until the citizen's socket receives it. Figures are printed,
 * never asserted.
 */
import WebSocket from 'ws';
import { setTimeout as delay } from 'node:timers/promises';

export interface HandoverFigures {
  citizens: number;
  consoles: number;
  citizenToConsole: { messages: number; p50Ms: number; p95Ms: number; lost: number };
  staffToCitizen: { replies: number; p50Ms: number; p95Ms: number; lost: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
  };
};

interface Console {
  cookie: string;
  csrf: string;
  close(): void;
}

/** Signs in and opens the live stream; `onText` is called with each citizen message's text. */
async function openConsole(
  httpUrl: string,
  admin: { username: string; password: string },
  onText: (text: string) => void,
) {
  const login = await fetch(`${httpUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const controller = new AbortController();
  const response = await fetch(`${httpUrl}/api/v1/staff/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!response.body) throw new Error(`stream refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name === 'ready') ready();
        if (name === 'citizen_message' && data) {
          onText((JSON.parse(data) as { message?: { text: string } }).message?.text ?? '');
        }
      }
    }
  })();
  await isReady;
  return { cookie, csrf: csrfToken, close: () => controller.abort() } satisfies Console;
}

interface Citizen {
  number: string;
  socket: WebSocket;
  user: string;
}

async function openCitizen(
  wsUrl: string,
  index: number,
  onStaffText: (text: string) => void,
): Promise<Citizen> {
  const address = `10.200.${(index >> 8) & 255}.${index & 255}`;
  const socket = new WebSocket(wsUrl, { headers: { 'x-forwarded-for': address } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const user = `handover-${process.pid}-${index}`;
  const opened = new Promise<string>((resolve) => {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as {
        type: string;
        from?: string;
        text?: string;
        case?: { number: string };
      };
      if (event.type === 'case_opened' && event.case) resolve(event.case.number);
      if (event.type === 'message' && event.from === 'staff' && event.text) onStaffText(event.text);
    });
  });
  socket.send(JSON.stringify({ type: 'hello', user }));
  socket.send(JSON.stringify({ type: 'escalate', user, category: '咨询转人工', consent: true }));
  return { number: await opened, socket, user };
}

export async function runHandoverLoad(options: {
  httpUrl: string;
  wsUrl: string;
  admin: { username: string; password: string };
  citizens: number;
  consoles: number;
  messagesPerCitizen: number;
  repliesPerCitizen: number;
  /** Citizen messages per second offered over all sessions; staff replies go at a third of it. */
  rate: number;
}): Promise<HandoverFigures> {
  const citizenSent = new Map<string, number>();
  const citizenLatencies: number[] = [];
  const staffSent = new Map<string, number>();
  const staffLatencies: number[] = [];
  const consoles: Console[] = [];
  for (let index = 0; index < options.consoles; index += 1) {
    consoles.push(
      await openConsole(options.httpUrl, options.admin, (text) => {
        // The first console to show it counts; the others see the same message.
        const sent = citizenSent.get(text);
        if (sent === undefined) return;
        citizenLatencies.push(performance.now() - sent);
        citizenSent.delete(text);
      }),
    );
  }
  const citizens: Citizen[] = [];
  for (let index = 0; index < options.citizens; index += 1) {
    citizens.push(
      await openCitizen(options.wsUrl, index, (text) => {
        const sent = staffSent.get(text);
        if (sent === undefined) return;
        staffLatencies.push(performance.now() - sent);
        staffSent.delete(text);
      }),
    );
  }

  const citizenInterval = (options.citizens / options.rate) * 1000;
  const writing = citizens.map(async (citizen, index) => {
    await delay(Math.random() * citizenInterval);
    for (let turn = 0; turn < options.messagesPerCitizen; turn += 1) {
      const text = `第${index}位群众的第${turn}条留言，请问几点可以过去`;
      citizenSent.set(text, performance.now());
      citizen.socket.send(JSON.stringify({ type: 'message', user: citizen.user, text }));
      await delay(citizenInterval);
    }
  });
  const replyInterval = citizenInterval * 3;
  const replying = citizens.map(async (citizen, index) => {
    const staff = consoles[index % consoles.length];
    await delay(Math.random() * replyInterval);
    for (let turn = 0; turn < options.repliesPerCitizen; turn += 1) {
      const text = `工作人员答复第${index}位群众（第${turn}次）：请于上午到综合窗口办理。`;
      staffSent.set(text, performance.now());
      await fetch(`${options.httpUrl}/api/v1/staff/cases/${citizen.number}/reply`, {
        method: 'POST',
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      await delay(replyInterval);
    }
  });
  await Promise.all([...writing, ...replying]);
  // Late deliveries still count; what has not arrived after two seconds is lost.
  await delay(2000);
  for (const citizen of citizens) citizen.socket.close();
  for (const console of consoles) console.close();
  return {
    citizens: options.citizens,
    consoles: options.consoles,
    citizenToConsole: {
      messages: citizenLatencies.length,
      ...summary(citizenLatencies),
      lost: citizenSent.size,
    },
    staffToCitizen: { replies: staffLatencies.length, ...summary(staffLatencies), lost: staffSent.size },
  };
}
