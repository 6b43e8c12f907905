/**
 * What the assistant says instead of answering when a message hits the sensitive-word lexicon.
 * Written as a service window would speak: polite, brief, and pointing to a way forward.
 */
import type { Answer } from '../../types.ts';
import type { SensitiveAction } from '../../safety/sensitive-word-filter.ts';

export function sensitiveReply(action: Exclude<SensitiveAction, 'log'>): Answer {
  const base = { items: [], citations: [], latencyMs: 0 };
  switch (action) {
    case 'remind':
      return {
        ...base,
        answer:
          '为了更好地为您服务，请您文明用语。您可以直接告诉我想办理的事项，例如“营业执照怎么办理”。如对服务不满意，可以点击“投诉”向我们反映。',
        intent: 'out_of_scope',
        escalate: false,
        quickReplies: ['转人工', '投诉'],
      };
    case 'refuse':
      return {
        ...base,
        answer:
          '抱歉，您的问题涉及违法违规内容，我无法提供帮助。政务服务事项请通过正规渠道依法办理，如有疑问可以转人工咨询。',
        intent: 'out_of_scope',
        escalate: false,
        quickReplies: ['转人工'],
      };
    case 'care':
      return {
        ...base,
        answer:
          '听到您这样说，我们很关心您。如果您或他人正面临危险，请立即拨打 110 或 120；需要倾诉时，可以拨打心理援助热线 12356。我已为您转接工作人员，请稍候。',
        intent: 'escalate',
        escalate: true,
        quickReplies: ['转人工'],
        escalation: { category: '咨询转人工', reason: '对话中出现需要关怀的表述' },
      };
  }
}
