/**
 * What each websocket event does once its frame is valid: the greeting binds the socket to a chat
 * session (once: history is sent once per socket), then every event spends its kind's budget
 * (`frame-limits.ts`) before any work is done. Returns a refusal for the socket to report, or
 * nothing when the event was handled.
 */
import type WebSocket from 'ws';
import type { Services } from '../services/services.ts';
import type { ConnectionRegistry } from './connection-registry.ts';
import type { FrameKind, FrameLimits } from './frame-limits.ts';
import { outgoing, type IncomingEvent } from './chat-protocol.ts';
import { historyPage } from './history-page.ts';
import { refusals, type Refusal } from './refusal.ts';
import { caseConfirmation } from '../services/handover-service.ts';

export interface ChatSocketState {
  user?: string;
  /** The client address's limit key (`addressKey`). */
  address: string;
}

const KIND: Record<IncomingEvent['type'], FrameKind> = {
  hello: 'history',
  welcome_back: 'history',
  history: 'history',
  message: 'message',
  escalate: 'escalate',
  rate: 'rate',
  typing: 'typing',
  end: 'end',
};

export function createChatEvents(services: Services, registry: ConnectionRegistry, limits: FrameLimits) {
  const { settings, conversations, ratings, store, handover } = services;
  /** After the greeting: a handed-over conversation tells the client who answers it. */
  const sendMode = (socket: WebSocket, user: string) => {
    const frame = handover.modeFrame(user);
    if (frame) registry.sendTo(socket, frame);
  };
  const pageLimits = {
    messages: settings.limits.historyPageMessages,
    bytes: settings.limits.historyPageBytes,
  };

  /** Hands over staff replies that arrived while the citizen was away. */
  const deliverPending = (socket: WebSocket, user: string) => {
    const delivered = store
      .undeliveredStaffMessages(user)
      .filter((message) =>
        registry.sendTo(
          socket,
          outgoing.staffReply(message.text, message.caseNumber ?? '', message.id, message.createdAt),
        ),
      );
    if (delivered.length > 0) store.markDelivered(delivered.map((message) => message.id));
  };

  /** The greeting binds; later events must speak for the same session. */
  const checkBinding = (state: ChatSocketState, event: IncomingEvent): Refusal | undefined => {
    const greeting = event.type === 'hello' || event.type === 'welcome_back';
    if (state.user === undefined) return greeting ? undefined : refusals.helloRequired();
    if (state.user !== event.user) return refusals.sessionMismatch();
    return greeting ? refusals.alreadyGreeted() : undefined;
  };

  const message = async (
    socket: WebSocket,
    user: string,
    text: string,
    clientId: string | undefined,
  ): Promise<Refusal | undefined> => {
    const trimmed = text.trim();
    if (!trimmed) return { code: 'EMPTY_MESSAGE', message: '请输入您的问题。' };
    if (trimmed.length > settings.limits.maxMessageChars) {
      return {
        code: 'MESSAGE_TOO_LONG',
        message: `每条消息不超过 ${settings.limits.maxMessageChars} 字，请精简后再发送。`,
      };
    }
    const handedOver = services.store.getConversation(user)?.mode;
    if (!handedOver || handedOver === 'bot') registry.sendTo(socket, outgoing.typing());
    const turn = await conversations.handleMessage(user, trimmed, clientId);
    if (clientId) registry.sendTo(socket, outgoing.ack(clientId, turn.question.id));
    // Every socket of the session sees the answer (several tabs stay in step).
    if (turn.kind === 'answered') registry.send(user, outgoing.answer(turn.answer, turn.reply.id));
    return undefined;
  };

  return async (
    socket: WebSocket,
    state: ChatSocketState,
    event: IncomingEvent,
  ): Promise<Refusal | undefined> => {
    const unbound = checkBinding(state, event);
    if (unbound) return unbound;
    const budget = limits.take(KIND[event.type], event.user, state.address);
    if (!budget.allowed) return refusals.rateLimited(budget.retryAfterSeconds);
    const user = event.user;
    switch (event.type) {
      case 'hello':
        state.user = user;
        registry.add(user, socket);
        registry.sendTo(socket, outgoing.welcome());
        deliverPending(socket, user);
        sendMode(socket, user);
        return undefined;
      case 'welcome_back':
        state.user = user;
        registry.add(user, socket);
        registry.sendTo(
          socket,
          outgoing.history(historyPage((limit) => conversations.history(user, { limit }), pageLimits)),
        );
        deliverPending(socket, user);
        sendMode(socket, user);
        return undefined;
      case 'history':
        registry.sendTo(
          socket,
          outgoing.historyPage(
            historyPage(
              (limit) => conversations.history(user, { limit, beforeId: event.before }),
              pageLimits,
            ),
          ),
        );
        return undefined;
      case 'message':
        return message(socket, user, event.text, event.clientId);
      case 'escalate': {
        if (event.phone && !event.consent) {
          return { code: 'CONSENT_REQUIRED', message: '留存联系电话需要您的同意。' };
        }
        const result = await conversations.escalate(user, event);
        if (result.declined) {
          registry.send(user, outgoing.systemMessage(result.message.text, result.message.id));
        } else {
          // The lookup code is for this socket only; other tabs learn the number.
          registry.sendTo(socket, outgoing.caseOpened(caseConfirmation(result)));
          const others = outgoing.caseOpened(caseConfirmation({ ...result, lookupCode: undefined }));
          for (const other of registry.socketsOf(user)) if (other !== socket) registry.sendTo(other, others);
          if (result.modeChanged) handover.announce(user);
        }
        return undefined;
      }
      case 'rate': {
        const result = ratings.rate({ sessionId: user, ...event });
        registry.sendTo(socket, outgoing.rated(result.rating.id, result.caseNumber));
        return undefined;
      }
      case 'typing':
        handover.citizenTyping(user);
        return undefined;
      case 'end':
        // Every socket of the session gets `ended` and is closed (conversation-service onEnded).
        await conversations.end(user);
        return undefined;
    }
  };
}
