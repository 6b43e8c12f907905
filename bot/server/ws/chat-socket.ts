/**
 * The websocket chat channel on `/ws`. Upgrades are admitted per client address (the right-most
 * untrusted address, as for HTTP); each socket binds to one chat session (the Botkit `user`) with
 * its greeting, which must come within WS_HELLO_TIMEOUT_SECONDS. Every frame is budgeted; a refused
 * frame is answered with an error frame until the socket's refusal budget is spent, then the
 * socket is closed. A turn is answered with `typing` then `message`, sent only after the turn is
 * committed. Dead sockets are found by ping/pong and dropped.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import type { Services } from '../services/services.ts';
import { addressKey } from '../network/client-address.ts';
import type { ConnectionRegistry } from './connection-registry.ts';
import { incomingSchema, outgoing } from './chat-protocol.ts';
import { createChatEvents, type ChatSocketState } from './chat-events.ts';
import { createConnectionGuard, refuseUpgrade } from './connection-guard.ts';
import {
  CLOSE_NO_HELLO,
  CLOSE_TOO_MANY_REFUSALS,
  createRefusalBudget,
  refusals,
  type Refusal,
} from './refusal.ts';
import { wellFormedJson } from '../well-formed-text.ts';

const HEARTBEAT_MS = 30_000;

interface SocketState extends ChatSocketState {
  alive: boolean;
  refusals: { take(): boolean };
}

export interface ChatSocketServer {
  /** Closes every socket (1001 going away) and stops accepting new ones. */
  close(): Promise<void>;
}

export function attachChatSocket(
  server: Server,
  services: Services,
  registry: ConnectionRegistry,
): ChatSocketServer {
  const { settings, logger, clientAddress } = services;
  const { limits } = settings;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  const states = new Map<WebSocket, SocketState>();
  const guard = createConnectionGuard({
    maxConnections: limits.wsMaxConnections,
    maxPerAddress: limits.wsMaxConnectionsPerIp,
    addressBudget: services.limiters.ip,
  });
  const handle = createChatEvents(services, registry, services.limiters.frames);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const address = addressKey(
      clientAddress.resolve(request.socket.remoteAddress, request.headers['x-forwarded-for']),
    );
    const admission = guard.admit(socket, address);
    if (!admission.admitted) {
      logger.warn('websocket refused', { address, status: admission.status });
      refuseUpgrade(socket, admission);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, address));
  });

  const refuse = (socket: WebSocket, state: SocketState, refusal: Refusal) => {
    if (state.refusals.take()) {
      registry.sendTo(socket, outgoing.error(refusal.code, refusal.message, refusal.retryAfter));
      return;
    }
    logger.warn('websocket closed: too many refused frames', { address: state.address, last: refusal.code });
    socket.close(CLOSE_TOO_MANY_REFUSALS.code, CLOSE_TOO_MANY_REFUSALS.reason);
  };

  const parse = (data: WebSocket.RawData, isBinary: boolean) => {
    if (isBinary) return { refusal: refusals.binary() };
    let parsed: unknown;
    try {
      parsed = wellFormedJson(JSON.parse(data.toString()));
    } catch {
      return { refusal: refusals.malformed() };
    }
    const event = incomingSchema.safeParse(parsed);
    return event.success ? { event: event.data } : { refusal: refusals.invalid() };
  };

  wss.on('connection', (socket: WebSocket, address: string) => {
    const state: SocketState = {
      address,
      alive: true,
      refusals: createRefusalBudget(limits.wsMaxRefusalsPerMinute),
    };
    states.set(socket, state);
    const helloTimer = setTimeout(() => {
      if (state.user !== undefined) return;
      logger.warn('websocket closed: no hello', { address });
      socket.close(CLOSE_NO_HELLO.code, CLOSE_NO_HELLO.reason);
    }, limits.wsHelloTimeoutSeconds * 1000);
    helloTimer.unref();
    socket.on('pong', () => {
      state.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      // A socket being closed (refusals, backpressure) is not read from any more.
      if (socket.readyState !== WebSocket.OPEN) return;
      const { event, refusal } = parse(data, isBinary);
      if (!event) return refuse(socket, state, refusal);
      handle(socket, state, event).then(
        (refused) => {
          if (refused) refuse(socket, state, refused);
        },
        (error: unknown) => {
          const coded = error as { code?: unknown; userMessage?: unknown };
          if (typeof coded.code === 'string' && typeof coded.userMessage === 'string') {
            return refuse(socket, state, { code: coded.code, message: coded.userMessage });
          }
          logger.error('websocket event failed', { error, type: event.type });
          registry.sendTo(socket, outgoing.error('INTERNAL_ERROR', '系统繁忙，请稍后再试。'));
        },
      );
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      states.delete(socket);
      if (state.user) registry.remove(state.user, socket);
    });
    socket.on('error', (error) => logger.warn('websocket error', { error }));
  });

  const heartbeat = setInterval(() => {
    for (const [socket, state] of states) {
      if (!state.alive) {
        socket.terminate();
        continue;
      }
      state.alive = false;
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const socket of states.keys()) socket.close(1001, 'server shutting down');
        wss.close(() => resolve());
        // Sockets that do not finish the closing handshake are cut.
        setTimeout(() => {
          for (const socket of states.keys()) socket.terminate();
          resolve();
        }, 2000).unref();
      }),
  };
}
