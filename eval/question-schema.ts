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
] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

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
  })
  .strict();

export const questionSchema = z
  .object({
    id: z.string().min(1),
    style: z.enum(QUESTION_STYLES),
    q: z.string().min(1).optional(),
    turns: z.array(z.string().min(1)).min(1).optional(),
    expect: expectationSchema,
  })
  .strict()
  .refine((question) => (question.q === undefined) !== (question.turns === undefined), {
    message: 'a question has either "q" or "turns", not both',
  });

export type Expectation = z.infer<typeof expectationSchema>;
export type EvalQuestion = z.infer<typeof questionSchema>;

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
