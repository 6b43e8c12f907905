/** The live holder: one reference per question, and every knowledge entry reaches a replacement. */
import { describe, expect, it } from 'vitest';
import type { Answer, Assistant, KnowledgeEntry } from '../../../bot/types.ts';
import { emptyDialogueState } from '../../../bot/types.ts';
import { createLiveRuntime } from '../../../runtime/live-runtime.ts';

/** An assistant that answers with its name and records the knowledge it was given. */
function namedAssistant(name: string, options: { addDelayMs?: number } = {}) {
  const knowledge: string[] = [];
  const assistant: Assistant = {
    reply: async (_text, state) => ({ answer: { answer: name } as Answer, state }),
    ask: async () => ({ answer: name }) as Answer,
    addKnowledge: async (entry) => {
      if (options.addDelayMs) await new Promise((resolve) => setTimeout(resolve, options.addDelayMs));
      knowledge.push(entry.id);
    },
    removeKnowledge: async (id) => {
      knowledge.push(`-${id}`);
    },
  };
  return { assistant, knowledge };
}

const entry = (id: string): KnowledgeEntry => ({
  id,
  question: id,
  answer: id,
  createdAt: '2026-12-01T00:00:00Z',
});

describe('createLiveRuntime', () => {
  it('answers from the current version and switches on replace', async () => {
    const old = namedAssistant('old');
    const next = namedAssistant('new');
    const live = createLiveRuntime({ assistant: old.assistant, indexVersion: 'v1', items: 1 });
    expect((await live.reply('问', emptyDialogueState())).answer.answer).toBe('old');
    const previous = await live.replace({ assistant: next.assistant, indexVersion: 'v2', items: 2 });
    expect(previous.indexVersion).toBe('v1');
    expect(live.current().indexVersion).toBe('v2');
    expect((await live.ask(['问'])).answer).toBe('new');
  });

  it('gives the replacement the stored entries and those added while it was prepared', async () => {
    const old = namedAssistant('old');
    const next = namedAssistant('new', { addDelayMs: 5 });
    const live = createLiveRuntime(
      { assistant: old.assistant, indexVersion: 'v1', items: 1 },
      { knowledge: [entry('stored-1'), entry('stored-2')] },
    );
    const replacing = live.replace({ assistant: next.assistant, indexVersion: 'v2', items: 1 });
    // Arrives while the replacement is being given the stored entries.
    await live.addKnowledge(entry('added-during'));
    await replacing;
    await live.addKnowledge(entry('added-after'));
    expect(next.knowledge).toEqual(['stored-1', 'stored-2', 'added-during', 'added-after']);
    expect(old.knowledge).toEqual(['added-during']);
  });

  it('replays edits and retirements on a replacement, in order', async () => {
    const old = namedAssistant('old');
    const next = namedAssistant('new');
    const live = createLiveRuntime({ assistant: old.assistant, indexVersion: 'v1', items: 1 });
    await live.addKnowledge(entry('kept'));
    await live.addKnowledge(entry('retired'));
    await live.removeKnowledge('retired');
    await live.replace({ assistant: next.assistant, indexVersion: 'v2', items: 1 });
    expect(next.knowledge).toEqual(['kept', 'retired', '-retired']);
  });
});
