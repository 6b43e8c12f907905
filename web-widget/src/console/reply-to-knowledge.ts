/**
 * 转为知识 on a staff reply in a case: opens the knowledge form with the reply as the answer and the
 * citizen's messages since the previous staff reply (at most three, as written, masked by the server)
 * as its example questions.
 */
import { h } from '../shared/dom.ts';
import { openKnowledgeDraft } from './knowledge-view.ts';
import type { TranscriptEntry } from './models.ts';

const MAX_EXAMPLES = 3;

const roleOf = (line: TranscriptEntry): string => line.role ?? line.from ?? 'system';

/** The citizen's questions that the staff reply at `index` answers, oldest first. */
export function precedingQuestions(transcript: TranscriptEntry[], index: number): string[] {
  const questions: string[] = [];
  for (let position = index - 1; position >= 0 && questions.length < MAX_EXAMPLES; position -= 1) {
    const role = roleOf(transcript[position]);
    if (role === 'staff') break;
    if (role === 'citizen' || role === 'user') questions.unshift(transcript[position].text);
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
