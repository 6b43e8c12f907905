/**
 * The websocket chat channel on `/ws`. Each socket binds to one chat session (the Botkit `user`);
 * a turn is answered with `typing` then `message`, sent only after the turn is committed. Staff
 * replies waiting for a session are delivered when it says hello or welcome_back. Dead sockets are
 * found by ping/pong and dropped.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import type { Services } from '../services/services.ts';
import type { ConnectionRegistry } from './connection-registry.ts';
import { incomingSchema, outgoing, type IncomingEvent } from './chat-protocol.ts';
import { wellFormedJson } from '../well-formed-text.ts';

const HEARTBEAT_MS = 30_000;

interface SocketState {
  user?: string;
  alive: boolean;
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
  const { settings, conversations, ratings, logger } = services;
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.limits.maxBodyBytes });
  const states = new Map<WebSocket, SocketState>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (states.size >= settings.limits.wsMaxConnections) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const send = (socket: WebSocket, payload: unknown) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  };

  /** Hands over staff replies that arrived while the citizen was away. */
  const deliverPending = (socket: WebSocket, user: string) => {
    const pending = services.store.undeliveredStaffMessages(user);
    for (const message of pending) {
      send(
        socket,
        outgoing.staffReply(message.text, message.caseNumber ?? '', message.id, message.createdAt),
      );
    }
    if (pending.length > 0) services.store.markDelivered(pending.map((message) => message.id));
  };

  /** The first event binds the socket to a session; a socket cannot speak for another session. */
  const bind = (socket: WebSocket, state: SocketState, user: string): boolean => {
    if (state.user === undefined) {
      state.user = user;
      registry.add(user, socket);
      return true;
    }
    if (state.user !== user) {
      send(socket, outgoing.error('SESSION_MISMATCH', '会话标识不一致，请刷新页面后重试。'));
      return false;
    }
    return true;
  };

  const handle = async (socket: WebSocket, state: SocketState, event: IncomingEvent) => {
    if (!bind(socket, state, event.user)) return;
    const user = event.user;
    switch (event.type) {
      case 'hello':
        send(socket, outgoing.welcome());
        deliverPending(socket, user);
        return;
      case 'welcome_back':
        send(socket, outgoing.history(conversations.history(user)));
        deliverPending(socket, user);
        return;
      case 'message': {
        const text = event.text.trim();
        if (!text) return send(socket, outgoing.error('EMPTY_MESSAGE', '请输入您的问题。'));
        if (text.length > settings.limits.maxMessageChars) {
          return send(
            socket,
            outgoing.error(
              'MESSAGE_TOO_LONG',
              `每条消息不超过 ${settings.limits.maxMessageChars} 字，请精简后再发送。`,
            ),
          );
        }
        const decision = services.limiters.session.take(user);
        if (!decision.allowed) {
          return send(
            socket,
            outgoing.error(
              'RATE_LIMITED',
              `发送过于频繁，请 ${decision.retryAfterSeconds} 秒后再试。`,
              decision.retryAfterSeconds,
            ),
          );
        }
        send(socket, outgoing.typing());
        const turn = await conversations.handleMessage(user, text);
        // Every socket of the session sees the answer (several tabs stay in step).
        registry.send(user, outgoing.answer(turn.answer, turn.reply.id));
        if (turn.openedCase) registry.send(user, outgoing.caseOpened(turn.openedCase));
        return;
      }
      case 'escalate': {
        if (event.phone && !event.consent) {
          return send(socket, outgoing.error('CONSENT_REQUIRED', '留存联系电话需要您的同意。'));
        }
        const { record } = await conversations.escalate(user, event);
        registry.send(user, outgoing.caseOpened(record));
        return;
      }
      case 'rate': {
        const result = ratings.rate({ sessionId: user, ...event });
        send(socket, outgoing.rated(result.rating.id, result.caseNumber));
        return;
      }
    }
  };

  wss.on('connection', (socket: WebSocket) => {
    const state: SocketState = { alive: true };
    states.set(socket, state);
    socket.on('pong', () => {
      state.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return send(socket, outgoing.error('BAD_MESSAGE', '消息格式不正确。'));
      let parsed: unknown;
      try {
        parsed = wellFormedJson(JSON.parse(data.toString()));
      } catch {
        return send(socket, outgoing.error('MALFORMED_JSON', '消息不是有效的 JSON。'));
      }
      const event = incomingSchema.safeParse(parsed);
      if (!event.success) return send(socket, outgoing.error('BAD_MESSAGE', '消息格式不正确。'));
      handle(socket, state, event.data).catch((error: unknown) => {
        const coded = error as { code?: unknown; userMessage?: unknown };
        if (typeof coded.code === 'string' && typeof coded.userMessage === 'string') {
          send(socket, outgoing.error(coded.code, coded.userMessage));
          return;
        }
        logger.error('websocket event failed', { error, type: event.data.type });
        send(socket, outgoing.error('INTERNAL_ERROR', '系统繁忙，请稍后再试。'));
      });
    });
    socket.on('close', () => {
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
