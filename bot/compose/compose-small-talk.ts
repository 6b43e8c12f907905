/** Greeting, thanks, out-of-scope and not-found replies: short, polite, and pointing back to service. */
import type { Hall } from '../../knowledge/hall/schema.ts';
import { HAND_OVER_REPLY, type Composed } from './composed.ts';

const EXAMPLE_QUESTIONS = ['办营业执照要带什么材料', '社保卡在哪个窗口办', '大厅几点上班'];

export function composeGreeting(hall: Hall): Composed {
  return {
    answer: [
      `您好，欢迎来到${hall.name}！我是导办智能助手。`,
      '我可以告诉您：办事要带什么材料、到几楼几号窗口、多久能办好、能不能网上办。',
      '请直接说出您要办的事，比如“办营业执照要带什么材料”。',
    ].join('\n'),
    citations: [],
    quickReplies: [...EXAMPLE_QUESTIONS, HAND_OVER_REPLY],
  };
}

export function composeThanks(): Composed {
  return {
    answer: '不客气，祝您办事顺利！还有其他问题，随时问我。',
    citations: [],
    quickReplies: [],
  };
}

export function composeOutOfScope(): Composed {
  return {
    answer: [
      '抱歉，这个问题不在本大厅政务服务的范围内，我暂时无法回答。',
      '如果您要办理政务服务事项，请告诉我要办的事，我来告诉您怎么办。',
    ].join('\n'),
    citations: [],
    quickReplies: [...EXAMPLE_QUESTIONS.slice(0, 2), HAND_OVER_REPLY],
  };
}

export function composeNotFound(): Composed {
  return {
    answer: [
      '抱歉，没有找到和您的问题相符的事项。',
      '您可以换个说法，说出要办的事，比如“开饭店要办什么证”；也可以点“转人工”，请工作人员帮您解答。',
    ].join('\n'),
    citations: [],
    quickReplies: [HAND_OVER_REPLY, ...EXAMPLE_QUESTIONS.slice(0, 2)],
  };
}
