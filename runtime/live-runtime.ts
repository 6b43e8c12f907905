/**
 * The assistant in service, held by one reference, so that a newly published index version (or a
 * rollback) replaces it in one assignment. Every question reads the reference once, when it starts:
 * it is answered wholly by the old or wholly by the new version, questions asked while a version is
 * being built are answered by the old one, and the next question after the switch by the new one —
 * without a restart.
 *
 * Staff knowledge added through the holder is remembered, and every replacement receives all of it
 * before it goes live, including entries added while the replacement was being prepared.
 */
import type { Assistant, DialogueState, KnowledgeEntry } from '../bot/types.ts';
import type { Catalog } from '../knowledge/catalog/schema.ts';
import type { Hall } from '../knowledge/hall/schema.ts';

/** One version of the assistant and what it answers from. */
export interface LiveVersion {
  assistant: Assistant;
  indexVersion: string;
  /** Item count, for `/healthz`. */
  items: number;
  /** Absent when the host supplied its own assistant (no index to manage). */
  catalog?: Catalog;
  hall?: Hall;
}

export interface LiveRuntime extends Assistant {
  /** The version answering now. */
  current(): LiveVersion;
  /**
   * Gives `next` every knowledge entry known so far, then puts it in service; returns the version
   * it replaced. Questions already being answered finish on the version they started with.
   */
  replace(next: LiveVersion): Promise<LiveVersion>;
}

export function createLiveRuntime(
  initial: LiveVersion,
  options: {
    /** Entries `initial.assistant` already holds (the server loads them from its store). */
    knowledge?: KnowledgeEntry[];
  } = {},
): LiveRuntime {
  let live = initial;
  // Every change in order (an edit is an entry again, a retirement a removal), replayed on a replacement.
  const knowledge: Array<KnowledgeEntry | { removed: string }> = [...(options.knowledge ?? [])];
  const apply = (assistant: Assistant, change: KnowledgeEntry | { removed: string }) =>
    'removed' in change ? assistant.removeKnowledge(change.removed) : assistant.addKnowledge(change);
  let replacing: Promise<unknown> = Promise.resolve();

  const replaceNow = async (next: LiveVersion): Promise<LiveVersion> => {
    let given = 0;
    // Entries may arrive while earlier ones are being added: loop until none is left, then switch
    // with no await in between, so no entry can fall between the two versions.
    while (given < knowledge.length) {
      await apply(next.assistant, knowledge[given]);
      given += 1;
    }
    const previous = live;
    live = next;
    return previous;
  };

  return {
    current: () => live,
    replace(next) {
      const done = replacing.then(() => replaceNow(next));
      replacing = done.catch(() => undefined);
      return done;
    },
    reply: (text: string, state: DialogueState) => live.assistant.reply(text, state),
    ask: (turns: string[]) => live.assistant.ask(turns),
    async addKnowledge(entry: KnowledgeEntry) {
      knowledge.push(entry);
      await live.assistant.addKnowledge(entry);
    },
    async removeKnowledge(id: string) {
      knowledge.push({ removed: id });
      await live.assistant.removeKnowledge(id);
    },
  };
}
