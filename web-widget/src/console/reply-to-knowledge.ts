/**
 * 转为知识 on a staff reply in a case: opens the knowledge form with the reply as the answer and the
 * citizen's questions it answers (at most three, as written, masked by the server) as its example
 * questions.
 */
import { h } from '../shared/dom.ts';
import { openKnowledgeDraft } from './knowledge-view.ts';
import type { TranscriptEntry } from './models.ts';

const MAX_EXAMPLES = 3;

const roleOf = (line: TranscriptEntry): string => line.role ?? line.from ?? 'system';

/**
 * The citizen's questions that the staff reply at `index` answers, oldest first: what the citizen
 * wrote straight before it; when the assistant or a notice came in between, only the last question
 * before them (earlier turns were answered by the assistant and would pull item questions here).
 */
export function precedingQuestions(transcript: TranscriptEntry[], index: number): string[] {
  const questions: string[] = [];
  let pastOthers = false;
  for (let position = index - 1; position >= 0 && questions.length < MAX_EXAMPLES; position -= 1) {
    const role = roleOf(transcript[position]);
    if (role === 'staff') break;
    if (role !== 'citizen' && role !== 'user') {
      pastOthers = true;
      continue;
    }
    if (pastOthers) {
      if (questions.length === 0) questions.push(transcript[position].text);
      break;
    }
    questions.unshift(transcript[position].text);
  }
  return questions;
}

export function toKnowledgeButton(
  transcript: TranscriptEntry[],
  index: number,
  caseNumber: string,
): HTMLElement {
  return h('button', {
    class: 'to-knowledge',
    text: '转为知识',
    attrs: { type: 'button', 'aria-label': '将这条答复转为知识' },
    on: {
      click: () =>
        openKnowledgeDraft({
          questions: precedingQuestions(transcript, index),
          answer: transcript[index].text,
          fromCase: caseNumber,
        }),
    },
  });
}
