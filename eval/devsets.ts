/**
 * Readers of the independent labelled sets in eval/data/devsets (formats in its README.md). Each line
 * is validated and converted to the evaluation question model, so that the same scoring applies to
 * them and to the project's own sets. Every mistake is reported as `file:line: detail`; an item id or
 * name that the catalog does not have is a mistake too.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Catalog } from '../knowledge/catalog/schema.ts';
import {
  NEGATIVE_CATEGORIES,
  QUESTION_STYLES,
  QuestionFileError,
  questionSchema,
} from './question-schema.ts';
import type { EvalQuestion, NegativeCategory, QuestionStyle } from './question-schema.ts';

/** The two layouts: the shipped catalog's set labels by item name, a hall's own set by item id. */
export type DevsetFlavour = 'default' | 'hall';
export const DEVSET_FILES = ['questions', 'themes', 'dialogues', 'escalation', 'negatives'] as const;
export type DevsetFile = (typeof DEVSET_FILES)[number];

const text = z.string().trim().min(1);
const turns = z.array(text).min(2);
const category = z.enum(NEGATIVE_CATEGORIES);

const LINE_SCHEMAS = {
  default: {
    questions: z.object({ q: text, expect_name: text, style: text, decider: text.optional() }).strict(),
    themes: z.object({ q: text, expect_theme: text, expect_any: z.array(text).min(1) }).strict(),
    dialogues: z.object({ turns, expect_name: text, pattern: text }).strict(),
    escalation: z.object({ q: text, escalate: z.boolean(), why: text.optional() }).strict(),
    negatives: z.object({ q: text, category, must_not_contain: z.array(text).min(1).optional() }).strict(),
  },
  hall: {
    questions: z.object({ q: text, expect: text, style: text }).strict(),
    dialogues: z.object({ turns, expect: text }).strict(),
    negatives: z.object({ q: text, category }).strict(),
  },
} as const;

const NEGATIVE_STYLES: Record<NegativeCategory, QuestionStyle> = {
  offtopic: 'out-of-scope',
  injection: 'injection',
  sensitive: 'sensitive',
  no_such_service: 'no-such-service',
  pii: 'personal-data',
};

const KNOWN_STYLES: ReadonlySet<string> = new Set(QUESTION_STYLES);

/** What labels are checked against: the item names, ids and theme names of the set's catalog. */
export interface LabelCatalog {
  names: ReadonlySet<string>;
  nameById: ReadonlyMap<string, string>;
  themes: ReadonlySet<string>;
}

export function labelCatalog(catalog: Pick<Catalog, 'items' | 'themes'>): LabelCatalog {
  return {
    names: new Set(catalog.items.map((item) => item.name)),
    nameById: new Map(catalog.items.map((item) => [item.id, item.name])),
    themes: new Set(catalog.themes.map((theme) => theme.name)),
  };
}

export interface ParseDevsetOptions {
  /** Shown in errors, e.g. `eval/data/devsets/default/dev/questions.jsonl`. */
  file: string;
  format: DevsetFile;
  flavour: DevsetFlavour;
  catalog: LabelCatalog;
  /** Question ids are `<idPrefix>:<line>`, e.g. `default/dev/questions:12`. */
  idPrefix: string;
}

class LineError extends Error {}

function styleOf(raw: string): QuestionStyle {
  const style = raw
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (!KNOWN_STYLES.has(style)) throw new LineError(`unknown style "${raw}"`);
  return style as QuestionStyle;
}

function itemName(catalog: LabelCatalog, name: string): string {
  if (!catalog.names.has(name)) throw new LineError(`"${name}" names no item of the catalog`);
  return name;
}

function itemNameOfId(catalog: LabelCatalog, id: string): string {
  const name = catalog.nameById.get(id);
  if (name === undefined) throw new LineError(`item id "${id}" is not in the catalog`);
  return name;
}

function negative(
  id: string,
  line: { q: string; category: NegativeCategory; must_not_contain?: string[] },
): EvalQuestion {
  return {
    id,
    style: NEGATIVE_STYLES[line.category],
    q: line.q,
    expect: {
      category: line.category,
      ...(line.category === 'pii' ? {} : { outOfScope: true as const }),
      ...(line.must_not_contain ? { mustNotContain: line.must_not_contain } : {}),
    },
  };
}

function convert(value: unknown, id: string, options: ParseDevsetOptions): EvalQuestion {
  const { catalog, flavour, format } = options;
  const schema = (LINE_SCHEMAS[flavour] as Partial<Record<DevsetFile, z.ZodType>>)[format];
  if (schema === undefined) throw new LineError(`a ${flavour} set has no ${format} file`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new LineError(
      parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
        .join('; '),
    );
  }
  if (flavour === 'hall') {
    if (format === 'questions') {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.hall.questions>;
      return {
        id,
        style: styleOf(line.style),
        q: line.q,
        expect: { item: itemNameOfId(catalog, line.expect) },
      };
    }
    if (format === 'dialogues') {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.hall.dialogues>;
      return {
        id,
        style: 'multi-turn',
        turns: line.turns,
        expect: { item: itemNameOfId(catalog, line.expect) },
      };
    }
    return negative(id, parsed.data as z.infer<typeof LINE_SCHEMAS.hall.negatives>);
  }
  switch (format) {
    case 'questions': {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.default.questions>;
      return {
        id,
        style: styleOf(line.style),
        q: line.q,
        expect: { item: itemName(catalog, line.expect_name) },
        ...(line.decider ? { note: line.decider } : {}),
      };
    }
    case 'themes': {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.default.themes>;
      if (!catalog.themes.has(line.expect_theme)) {
        throw new LineError(`"${line.expect_theme}" names no theme of the catalog`);
      }
      return {
        id,
        style: 'theme',
        q: line.q,
        expect: { theme: line.expect_theme, items: line.expect_any.map((name) => itemName(catalog, name)) },
      };
    }
    case 'dialogues': {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.default.dialogues>;
      return {
        id,
        style: 'multi-turn',
        turns: line.turns,
        expect: { item: itemName(catalog, line.expect_name) },
        pattern: line.pattern,
      };
    }
    case 'escalation': {
      const line = parsed.data as z.infer<typeof LINE_SCHEMAS.default.escalation>;
      return {
        id,
        style: line.escalate ? 'escalation' : 'non-escalation',
        q: line.q,
        expect: { escalate: line.escalate },
        ...(line.why ? { note: line.why } : {}),
      };
    }
    case 'negatives':
      return negative(id, parsed.data as z.infer<typeof LINE_SCHEMAS.default.negatives>);
  }
}

/** Parses the lines of one devset file; blank lines are skipped, line numbers are the file's own. */
export function parseDevsetFile(source: string, options: ParseDevsetOptions): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new QuestionFileError(options.file, lineNumber, 'not valid JSON');
    }
    try {
      const question = convert(value, `${options.idPrefix}:${lineNumber}`, options);
      const checked = questionSchema.safeParse(question);
      if (!checked.success) {
        throw new LineError(checked.error.issues.map((issue) => issue.message).join('; '));
      }
      questions.push(checked.data);
    } catch (error) {
      if (error instanceof LineError) throw new QuestionFileError(options.file, lineNumber, error.message);
      throw error;
    }
  });
  return questions;
}

/**
 * Reads every file of one split folder (`…/dev` or `…/holdout`) in the fixed order questions,
 * themes, dialogues, escalation, negatives. A file of another name is an error, not silently skipped.
 */
export async function loadDevsetFolder(options: {
  dir: string;
  flavour: DevsetFlavour;
  catalog: LabelCatalog;
  /** e.g. `default/dev`; ids become `default/dev/questions:12`. */
  idPrefix: string;
  /** How files are named in errors (defaults to the path as given). */
  displayDir?: string;
}): Promise<EvalQuestion[]> {
  const present = (await readdir(options.dir)).filter((name) => name.endsWith('.jsonl'));
  const known = new Set<string>(DEVSET_FILES.map((format) => `${format}.jsonl`));
  const unknown = present.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new QuestionFileError(
      path.join(options.displayDir ?? options.dir, unknown[0]),
      0,
      'unknown devset file',
    );
  }
  const questions: EvalQuestion[] = [];
  for (const format of DEVSET_FILES) {
    const name = `${format}.jsonl`;
    if (!present.includes(name)) continue;
    const source = await readFile(path.join(options.dir, name), 'utf8');
    questions.push(
      ...parseDevsetFile(source, {
        file: path.join(options.displayDir ?? options.dir, name),
        format,
        flavour: options.flavour,
        catalog: options.catalog,
        idPrefix: `${options.idPrefix}/${format}`,
      }),
    );
  }
  return questions;
}
