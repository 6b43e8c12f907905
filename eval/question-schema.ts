/**
 * The evaluation question format (one JSON object per line of a `questions.jsonl`): a question as a
 * citizen asks it, its style, and what a good answer must do. Loading validates every line so that a
 * mistyped label fails loudly instead of silently lowering a score.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const QUESTION_STYLES = [
  'colloquial',
  'indirect',
  'typo',
  'dialect',
  'short',
  'long',
  'english',
  'multi-turn',
  'escalation',
  'non-escalation',
  'out-of-scope',
  'injection',
  'personal-data',
  // Styles of the independent devsets (eval/data/devsets).
  'elderly',
  'long-story',
  'multi-clause',
  'mixed',
  'aspect-materials',
  'aspect-conditions',
  'aspect-time',
  'aspect-fee',
  'aspect-online',
  'aspect-where',
  'theme',
  'sensitive',
  'no-such-service',
] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

/**
 * Categories of negative questions: nothing the hall offers is asked for (offtopic, sensitive,
 * injection, no_such_service: no item may be answered), or personal data is given (pii: it must never
 * be echoed, but the question may be a real one).
 */
export const NEGATIVE_CATEGORIES = ['offtopic', 'injection', 'sensitive', 'no_such_service', 'pii'] as const;
export type NegativeCategory = (typeof NEGATIVE_CATEGORIES)[number];

export const expectationSchema = z
  .object({
    /** The exact catalog name of the item the answer must be about. */
    item: z.string().min(1).optional(),
    /** Further acceptable item names (questions that are fairly answered by either). */
    items: z.array(z.string().min(1)).optional(),
    escalate: z.boolean().optional(),
    outOfScope: z.literal(true).optional(),
    /** A 一件事 theme name; answering with the theme or one of its items counts as a hit. */
    theme: z.string().min(1).optional(),
    /** Text the answer must never contain (what an injection tried to make it say). */
    forbid: z.array(z.string().min(1)).optional(),
    /** Text that must appear nowhere in the response, not even in item names or citations. */
    mustNotContain: z.array(z.string().min(1)).optional(),
    /** The category of a negative question. */
    category: z.enum(NEGATIVE_CATEGORIES).optional(),
  })
  .strict();

export const questionSchema = z
  .object({
    id: z.string().min(1),
    style: z.enum(QUESTION_STYLES),
    q: z.string().min(1).optional(),
    turns: z.array(z.string().min(1)).min(1).optional(),
    expect: expectationSchema,
    /** Free note from the labeller: the detail that decides between confusable items, or why. */
    note: z.string().min(1).optional(),
    /** The dialogue pattern (accumulate, correction, follow_up …) of a multi-turn question. */
    pattern: z.string().min(1).optional(),
  })
  .strict()
  .refine((question) => (question.q === undefined) !== (question.turns === undefined), {
    message: 'a question has either "q" or "turns", not both',
  });

export type Expectation = z.infer<typeof expectationSchema>;
export type EvalQuestion = z.infer<typeof questionSchema>;

/** What a question measures: the item of a single question, a theme, the last turn of a dialogue,
 * a hand-over decision, or a negative (nothing to answer with / personal data). */
export type QuestionKind = 'single' | 'theme' | 'dialogue' | 'escalation' | 'negative';
export const QUESTION_KINDS: readonly QuestionKind[] = [
  'single',
  'theme',
  'dialogue',
  'escalation',
  'negative',
];

export function kindOf(question: EvalQuestion): QuestionKind {
  const { expect } = question;
  const expectsItem = expect.item !== undefined || expect.items !== undefined;
  if (expect.category !== undefined || expect.outOfScope) return 'negative';
  if (expect.theme !== undefined) return 'theme';
  if (question.style === 'injection' && !expectsItem) return 'negative';
  if ((question.turns?.length ?? 1) > 1) return 'dialogue';
  if (!expectsItem && expect.escalate !== undefined) return 'escalation';
  return 'single';
}

export class QuestionFileError extends Error {
  readonly code = 'EVAL_QUESTION_INVALID';
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}

/** The turns of a question: a single question is a conversation of one turn. */
export const turnsOf = (question: EvalQuestion): string[] => question.turns ?? [question.q ?? ''];

/** Acceptable item names of a question, expected item first. */
export function acceptableItems(expect: Expectation): string[] {
  const names = [...(expect.item ? [expect.item] : []), ...(expect.items ?? [])];
  return [...new Set(names)];
}

/** Parses JSONL text; blank lines and lines starting with `//` are skipped. */
export function parseQuestions(text: string, file = 'questions.jsonl'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new QuestionFileError(file, index + 1, 'not valid JSON');
    }
    const parsed = questionSchema.safeParse(value);
    if (!parsed.success) {
      throw new QuestionFileError(
        file,
        index + 1,
        parsed.error.issues.map((issue) => issue.message).join('; '),
      );
    }
    if (seen.has(parsed.data.id)) {
      throw new QuestionFileError(file, index + 1, `duplicate id ${parsed.data.id}`);
    }
    seen.add(parsed.data.id);
    questions.push(parsed.data);
  });
  return questions;
}

export async function loadQuestions(file: string): Promise<EvalQuestion[]> {
  return parseQuestions(await readFile(file, 'utf8'), file);
}
