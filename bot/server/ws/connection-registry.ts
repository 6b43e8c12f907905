/**
 * Which sockets belong to which chat session, so a staff reply reaches the citizen's open chat (or
 * several tabs of it) and nobody else's. Implements the case service's StaffReplyNotifier. Every
 * frame to a citizen goes through `sendTo`, which applies the backpressure cap.
 */
import type WebSocket from 'ws';
import type { MessageRecord } from '../../store/store.ts';
import type { StaffReplyNotifier } from '../../cases/case-service.ts';
import { CLOSE_CONVERSATION_ENDED, outgoing } from './chat-protocol.ts';
import { createSocketSender } from './socket-sender.ts';

export interface ConnectionRegistryOptions {
  /** Unsent bytes a socket may hold before it is closed (WS_MAX_BUFFERED_BYTES). */
  maxBufferedBytes: number;
  onOverflow?: (socket: WebSocket) => void;
}

export function createConnectionRegistry(options: ConnectionRegistryOptions) {
  const sockets = new Map<string, Set<WebSocket>>();
  const sender = createSocketSender(options);

  const registry = {
    add(user: string, socket: WebSocket) {
      let set = sockets.get(user);
      if (!set) {
        set = new Set();
        sockets.set(user, set);
      }
      set.add(socket);
    },
    remove(user: string, socket: WebSocket) {
      const set = sockets.get(user);
      if (!set) return;
      set.delete(socket);
      if (set.size === 0) sockets.delete(user);
    },
    /** Sends to one socket; false when it is closed or was closed for not reading. */
    sendTo(socket: WebSocket, payload: unknown): boolean {
      return sender.send(socket, JSON.stringify(payload));
    },
    /** Sends to every open socket of `user`; returns how many received it. */
    send(user: string, payload: unknown): number {
      const data = JSON.stringify(payload);
      let sent = 0;
      for (const socket of [...(sockets.get(user) ?? [])]) {
        if (sender.send(socket, data)) sent += 1;
      }
      return sent;
    },
    /**
     * The session's conversation has ended: each of its sockets (other tabs too) is told, so it
     * clears what it shows, and closed, so nothing more is said under the retired key.
     */
    endSession(user: string): void {
      const data = JSON.stringify(outgoing.ended());
      for (const socket of [...(sockets.get(user) ?? [])]) {
        sender.send(socket, data);
        socket.close(CLOSE_CONVERSATION_ENDED.code, CLOSE_CONVERSATION_ENDED.reason);
      }
      sockets.delete(user);
    },
    /** The open sockets of `user`. */
    socketsOf(user: string): WebSocket[] {
      return [...(sockets.get(user) ?? [])];
    },
    get connectedSessions() {
      return sockets.size;
    },
  };

  const notifier: StaffReplyNotifier = {
    deliverStaffReply(conversationId: string, message: MessageRecord) {
      return (
        registry.send(
          conversationId,
          outgoing.staffReply(message.text, message.caseNumber ?? '', message.id, message.createdAt),
        ) > 0
      );
    },
  };
  return Object.assign(registry, { notifier });
}

export type ConnectionRegistry = ReturnType<typeof createConnectionRegistry>;
