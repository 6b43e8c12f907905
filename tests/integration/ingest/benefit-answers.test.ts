/**
 * 多少钱 / 领多少 about a 行政给付 item of the shipped catalog is answered from its 给付标准, and never
 * with the application fee ("不收费") as if it were the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedAssistant } from '../../../bot/open-assistant.ts';
import { emptyDialogueState } from '../../../bot/types.ts';
import { openDefaultAssistant } from '../../helpers/default-assistant.ts';

let assistant: OpenedAssistant;
let dispose: () => void;
beforeAll(async () => ({ assistant, dispose } = await openDefaultAssistant()));
afterAll(() => dispose());

const QUESTIONS: Array<[question: string, itemId: string]> = [
  ['失业保险金能领多少钱', 'SHMS-006'],
  ['低保一个月给多少钱', 'SHMS-015'],
  ['临时救助能给多少钱', 'SHMS-017'],
];

describe('how much a benefit item pays', () => {
  it.each(QUESTIONS)('answers “%s” with the 给付标准 of the record', async (question, itemId) => {
    const { answer } = await assistant.reply(question, emptyDialogueState());
    const record = assistant.catalog.items.find((item) => item.id === itemId)!;
    expect(answer.items[0]?.id).toBe(itemId);
    expect(answer.intent).toBe('fee');
    const lines = answer.answer.split('\n');
    expect(lines[0]).toBe(`“${record.name}”的发放标准：${record.benefit!.amount}。`);
    expect(answer.answer).toContain(record.benefit!.basis!);
    expect(lines[0]).not.toContain('不收费');
    expect(answer.answer).not.toMatch(/^本事项不收费|^“[^”]+”不收费/);
    // The application fee is said, but only after the amount.
    expect(lines.at(-1)).toBe('办理本身不收费。');
    expect(answer.citations[0]).toMatchObject({ source: 'catalog', locator: '发放标准' });
  });
});
