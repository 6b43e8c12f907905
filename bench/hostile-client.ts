/**
 * The hostile client of `npm run bench:load -- --hostile`: from one address it opens sockets up to
 * (and past) its per-address cap, stops reading, and sends junk frames and welcome_back frames as
 * fast as it can. Reports what the server let it do. The bench runs it as a process of its own
 * (`tsx bench/hostile-client.ts --url … --address … --sockets N --junk N --welcome-back N`, which
 * prints the report as JSON), so that its buffers and CPU are not counted as the server's.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

export interface HostileReport {
  socketsOpened: number;
  socketsRefused: number;
  junkSent: number;
  welcomeBackSent: number;
  closedByServer: Record<string, number>;
}

export interface HostileOptions {
  url: string;
  address: string;
  sockets: number;
  junkFrames: number;
  welcomeBackFrames: number;
}

const open = (url: string, address: string) =>
  new Promise<WebSocket | undefined>((resolve) => {
    const socket = new WebSocket(url, { headers: { 'x-forwarded-for': address } });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', () => resolve(undefined));
    socket.once('error', () => resolve(undefined));
  });

export async function runHostileClient(options: HostileOptions): Promise<HostileReport> {
  const report: HostileReport = {
    socketsOpened: 0,
    socketsRefused: 0,
    junkSent: 0,
    welcomeBackSent: 0,
    closedByServer: {},
  };
  const sockets: WebSocket[] = [];
  const closed: Array<Promise<void>> = [];
  for (let index = 0; index < options.sockets; index += 1) {
    const socket = await open(options.url, options.address);
    if (!socket) {
      report.socketsRefused += 1;
      continue;
    }
    report.socketsOpened += 1;
    sockets.push(socket);
    closed.push(
      new Promise((resolve) =>
        socket.once('close', (code) => {
          report.closedByServer[code] = (report.closedByServer[code] ?? 0) + 1;
          resolve();
        }),
      ),
    );
  }
  // Every socket greets once (to be bound), then the client stops reading.
  sockets.forEach((socket, index) => {
    socket.send(JSON.stringify({ type: 'welcome_back', user: `hostile-${process.pid}-${index}` }));
    socket.pause();
  });
  const send = (frame: string) => {
    const socket = sockets.find((candidate) => candidate.readyState === WebSocket.OPEN);
    if (!socket) return false;
    socket.send(frame);
    return true;
  };
  for (let index = 0; index < Math.max(options.junkFrames, options.welcomeBackFrames); index += 1) {
    if (index < options.junkFrames && send(`{junk ${index}`)) report.junkSent += 1;
    if (index < options.welcomeBackFrames) {
      const user = `hostile-${process.pid}-${index % Math.max(1, sockets.length)}`;
      if (send(JSON.stringify({ type: 'welcome_back', user }))) report.welcomeBackSent += 1;
    }
    if (index % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const socket of sockets) socket.resume();
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  for (const socket of sockets) socket.terminate();
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      address: { type: 'string', default: '203.0.113.66' },
      sockets: { type: 'string', default: '25' },
      junk: { type: 'string', default: '5000' },
      'welcome-back': { type: 'string', default: '1000' },
    },
  });
  if (!values.url) throw new Error('hostile-client: --url ws://host:port/ws is required');
  // Loaded and compiled before the measured run: the bench says when to start (a line on stdin).
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const report = await runHostileClient({
    url: values.url,
    address: values.address ?? '203.0.113.66',
    sockets: Number(values.sockets),
    junkFrames: Number(values.junk),
    welcomeBackFrames: Number(values['welcome-back']),
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.stdin.destroy();
}
