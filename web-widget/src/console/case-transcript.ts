/**
 * The transcript of a case as a live list: lines from the case detail, then citizen and staff
 * messages as they arrive on the live channel or from the console's own reply, each shown once
 * (by message id, since a reply comes back on the stream too). The list scrolls, so it is focusable
 * for keyboard users; "群众正在输入…" shows for a few seconds after the citizen's typing signal.
 */
import { h } from '../shared/dom.ts';
import type { TranscriptEntry } from './models.ts';
import { formatDateTime } from './working-days.ts';
import { toKnowledgeButton } from './reply-to-knowledge.ts';

const SPEAKER: Record<string, string> = {
  citizen: '群众',
  user: '群众',
  assistant: '导办助手',
  bot: '导办助手',
  staff: '工作人员',
  system: '系统',
};
/** How long the typing notice stays after the citizen's last typing signal. */
const TYPING_VISIBLE_MS = 5_000;

export interface LiveTranscript {
  list: HTMLOListElement;
  typing: HTMLElement;
  /** Appends lines not shown yet (by id; lines without an id are always appended). */
  add(lines: TranscriptEntry[]): void;
  citizenTyping(): void;
}

/** `caseNumber` gives each staff reply its 转为知识 button. */
export function liveTranscript(caseNumber?: string): LiveTranscript {
  const list = h('ol', {
    class: 'transcript',
    attrs: { 'aria-label': '对话记录', tabindex: 0 },
  });
  const typing = h('p', { class: 'typing muted', attrs: { 'aria-live': 'polite' } });
  const shown = new Set<number>();
  /** Every line shown, in order: 转为知识 reads the citizen's questions before a reply from it. */
  const lines: TranscriptEntry[] = [];
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const hideTyping = () => {
    clearTimeout(typingTimer);
    typing.textContent = '';
  };

  return {
    list,
    typing,
    add(incoming) {
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      let citizenSpoke = false;
      for (const line of incoming) {
        if (line.id !== undefined) {
          if (shown.has(line.id)) continue;
          shown.add(line.id);
        }
        const role = line.role ?? line.from ?? 'system';
        if (role === 'citizen' || role === 'user') citizenSpoke = true;
        lines.push(line);
        const toKnowledge =
          role === 'staff' && caseNumber ? toKnowledgeButton(lines, lines.length - 1, caseNumber) : null;
        const speaker = `${SPEAKER[role] ?? role}${line.staff ? '（' + line.staff + '）' : ''}`;
        list.append(
          h(
            'li',
            { class: `line from-${role}`, attrs: { 'data-message': line.id } },
            h('span', {
              class: 'speaker',
              text: `${speaker}${line.at ? ' · ' + formatDateTime(line.at) : ''}`,
            }),
            h('span', { class: 'line-text', text: line.text }),
            toKnowledge,
          ),
        );
      }
      if (citizenSpoke) hideTyping();
      if (atBottom) list.scrollTop = list.scrollHeight;
    },
    citizenTyping() {
      typing.textContent = '群众正在输入…';
      clearTimeout(typingTimer);
      typingTimer = setTimeout(hideTyping, TYPING_VISIBLE_MS);
    },
  };
}
