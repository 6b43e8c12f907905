/**
 * Sending with backpressure: a socket whose peer stops reading keeps its unsent frames in our
 * memory. Past `maxBufferedBytes` nothing more is queued for it; it is closed with 1013 (try again
 * later) and cut a few seconds later if the peer does not read even the close frame.
 */
import WebSocket from 'ws';

export const CLOSE_NOT_READING = { code: 1013, reason: '接收过慢，连接已断开，请稍后重新连接' } as const;
const TERMINATE_AFTER_MS = 5000;

export interface SocketSender {
  /** Sends `data` if the socket is open and reading; returns whether it was queued. */
  send(socket: WebSocket, data: string): boolean;
}

export function createSocketSender(options: {
  maxBufferedBytes: number;
  onOverflow?: (socket: WebSocket) => void;
}): SocketSender {
  const overflow = (socket: WebSocket) => {
    options.onOverflow?.(socket);
    socket.close(CLOSE_NOT_READING.code, CLOSE_NOT_READING.reason);
    setTimeout(() => {
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    }, TERMINATE_AFTER_MS).unref();
  };
  return {
    send(socket, data) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      if (socket.bufferedAmount + Buffer.byteLength(data) > options.maxBufferedBytes) {
        overflow(socket);
        return false;
      }
      socket.send(data);
      return true;
    },
  };
}
