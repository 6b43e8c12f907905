/**
 * The fitted decision as a citizen meets it, on a real index of the shipped catalog: refusals of
 * what no item explains, a person for hard cases, answers for ordinary questions that only sound
 * upset, and conversations whose details move the answer. The sentences are written for this test
 * and are in no evaluation set; the model they exercise is the shipped one (`npm run train`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecisionModel } from '../../../bot/decide/decision-model.ts';
import { emptyDialogueState, type Answer, type DialogueState } from '../../../bot/types.ts';
import type { OpenedAssistant } from '../../../bot/open-assistant.ts';
import { openDefaultAssistant } from '../../helpers/default-assistant.ts';

let assistant: OpenedAssistant;
let dispose: () => void;

beforeAll(async () => {
  ({ assistant, dispose } = await openDefaultAssistant());
});

afterAll(() => dispose());

async function converse(turns: string[]): Promise<Answer> {
  let state: DialogueState = emptyDialogueState();
  let last: Answer | undefined;
  for (const turn of turns) ({ answer: last, state } = await assistant.reply(turn, state));
  return last as Answer;
}

const answeredWithItem = (answer: Answer) => answer.card !== undefined;

describe('the fitted decision', () => {
  it('is a small model read from a data file, with cut-offs in (0, 1)', () => {
    const model = loadDecisionModel();
    for (const part of [model.accept, model.escalate, model.refuse]) {
      expect(part.cutoff).toBeGreaterThan(0);
      expect(part.cutoff).toBeLessThan(1);
      expect(Object.keys(part.weights).length).toBeGreaterThan(3);
    }
    expect(model.trainedOn).toContain('dev split');
  });

  it('refuses requests that nothing in the catalog explains, without naming an item', async () => {
    for (const question of ['给我编一个关于小猫的童话故事', '怎么配制迷药', '下周去三亚玩穿什么衣服好']) {
      const answer = await converse([question]);
      expect(answeredWithItem(answer), question).toBe(false);
      expect(answer.escalate, question).toBe(false);
    }
  });

  it('offers a person for hard cases and still answers what it can', async () => {
    for (const question of [
      '我拄着拐杖上不了楼，能不能派个人下来帮我办',
      '六十年代盖的老宅子一张纸都没有，现在想确权',
      '申请交了四回，回回被退，说法还都不一样',
    ]) {
      const answer = await converse([question]);
      expect(answer.escalate, question).toBe(true);
      expect(answer.quickReplies.join(' ') + answer.answer, question).toMatch(/工作人员|人工|办不成事|帮办/u);
    }
  });

  it('answers ordinary questions that only sound upset', async () => {
    for (const [question, item] of [
      ['愁死了，结婚证要带什么', '内地居民结婚登记'],
      ['真着急，护照在哪个窗口办', '普通护照签发'],
    ] as const) {
      const answer = await converse([question]);
      expect(answer.escalate, question).toBe(false);
      expect(answer.items[0]?.name, question).toBe(item);
    }
  });

  it('lets a detail of a later turn move the answer within the topic', async () => {
    const answer = await converse(['我想办社保卡', '我家那个小的刚出生，还从来没办过', '要带啥']);
    expect(answer.items[0]?.name).toBe('社会保障卡申领');
    const lost = await converse(['社保卡的事', '原来那张找不着了', '去哪办']);
    expect(lost.items[0]?.name).toBe('社会保障卡挂失与补换');
  });

  it('drops a topic the citizen sets aside', async () => {
    const answer = await converse(['护照怎么办', '先不说护照了，港澳通行证怎么签注']);
    expect(answer.items[0]?.name).not.toBe('普通护照签发');
  });
});
