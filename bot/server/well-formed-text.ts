/**
 * JSON may spell a lone UTF-16 surrogate (`"\ud800"`): valid JSON, but no character, and SQLite
 * would store it as bytes that are not UTF-8. Every string of a parsed request (HTTP body or
 * websocket frame) has such halves replaced by U+FFFD before anything reads or stores it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, REPLACEMENT_CHARACTER);
}

/** The parsed JSON value with every string (keys too) made well-formed. */
export function wellFormedJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [wellFormedText(key), wellFormedJson(entry)]),
    );
  }
  return value;
}
