/**
 * Field-by-field difference of two lists of records matched by a key: what was added, removed and
 * changed, each change with the old and the new value as text an administrator can read. The
 * catalog and hall differences are built from it. Pure: no I/O.
 */
import { displayLines } from './display-value.ts';

export interface FieldChange {
  field: string;
  /** The field's Chinese name, as in the spreadsheet header. */
  label: string;
  before: string;
  after: string;
  /** For list fields (materials, conditions …): the lines only in the new value. */
  addedLines?: string[];
  /** For list fields: the lines only in the old value. */
  removedLines?: string[];
}

export interface RecordRef {
  id: string;
  name: string;
}

export interface RecordChange extends RecordRef {
  changes: FieldChange[];
}

export interface ListDiff {
  added: RecordRef[];
  removed: RecordRef[];
  changed: RecordChange[];
  unchanged: number;
}

export interface FieldSpec<T> {
  field: string;
  label: string;
  /** How the value reads; one entry a line. Defaults to the generic display of `record[field]`. */
  lines?: (record: T) => string[];
}

/**
 * The changed fields between two versions of one record (or of two top-level blocks): the named
 * fields in their order, then any other field either version has (a catalog may carry fields this
 * list does not know), under its own name. `skip` names fields compared elsewhere (the key, lists
 * diffed as records of their own).
 */
export function diffFields<T>(
  before: T,
  after: T,
  fields: FieldSpec<T>[],
  skip: string[] = [],
): FieldChange[] {
  const named = new Set([...fields.map((spec) => spec.field), ...skip]);
  const keys = (record: T) => Object.keys((record ?? {}) as object);
  const others = [...new Set([...keys(before), ...keys(after)])]
    .filter((key) => !named.has(key))
    .sort()
    .map((field): FieldSpec<T> => ({ field, label: field }));
  const changes: FieldChange[] = [];
  for (const spec of [...fields, ...others]) {
    const read = spec.lines ?? ((record: T) => displayLines((record as Record<string, unknown>)[spec.field]));
    const old = read(before);
    const next = read(after);
    if (old.join('\n') === next.join('\n')) continue;
    const change: FieldChange = {
      field: spec.field,
      label: spec.label,
      before: old.join('\n'),
      after: next.join('\n'),
    };
    if (old.length > 1 || next.length > 1) {
      change.addedLines = next.filter((line) => !old.includes(line));
      change.removedLines = old.filter((line) => !next.includes(line));
    }
    changes.push(change);
  }
  return changes;
}

export function diffRecords<T>(
  before: readonly T[],
  after: readonly T[],
  options: {
    key: (record: T) => string;
    name: (record: T) => string;
    fields: FieldSpec<T>[];
    /** The key's field, not compared as a change. */
    keyField: string;
  },
): ListDiff {
  const reference = (record: T): RecordRef => ({ id: options.key(record), name: options.name(record) });
  const oldByKey = new Map(before.map((record) => [options.key(record), record]));
  const newKeys = new Set(after.map(options.key));
  const diff: ListDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const record of after) {
    const old = oldByKey.get(options.key(record));
    if (old === undefined) {
      diff.added.push(reference(record));
      continue;
    }
    const changes = diffFields(old, record, options.fields, [options.keyField]);
    if (changes.length > 0) diff.changed.push({ ...reference(record), changes });
    else diff.unchanged += 1;
  }
  for (const record of before) if (!newKeys.has(options.key(record))) diff.removed.push(reference(record));
  return diff;
}

export const isEmptyDiff = (diff: ListDiff): boolean =>
  diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
