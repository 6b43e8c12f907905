/**
 * What happened to cases and their conversations, told to whoever watches on staff's side (the
 * console's live channel, the hand-over's mode keeper). Events carry ids only: a listener reads the
 * record it needs from the store, so the same events can later travel between server instances.
 * Events are published after the change they report has been committed.
 */
import type { CaseAction } from '../cases/case-types.ts';

export type StaffEvent =
  | { type: 'case_opened'; caseNumber: string }
  /** A status-machine action, or another change staff make to the case. */
  | { type: 'case_changed'; caseNumber: string; action: CaseAction | 'topic' | 'contact' | 'hand-back' }
  | { type: 'citizen_message'; caseNumber: string; messageId: number }
  | { type: 'staff_message'; caseNumber: string; messageId: number; staff: string }
  | { type: 'citizen_typing'; caseNumber: string };

export type StaffEventListener = (event: StaffEvent) => void;

export interface StaffEventBus {
  publish(event: StaffEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: StaffEventListener): () => void;
}

/** The bus of one process. A listener that throws is reported and does not stop the others. */
export function createStaffEventBus(onListenerError?: (error: unknown) => void): StaffEventBus {
  const listeners = new Set<StaffEventListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
