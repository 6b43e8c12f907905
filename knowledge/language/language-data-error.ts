/**
 * A language data file (knowledge/language/zh-CN/*.txt) that cannot be used: a malformed line, an
 * unknown class, a fragment that is not a valid regular expression, or a class left empty. Raised at
 * load time with the file and line, so a bad edit fails loudly instead of silently matching nothing.
 */
export class LanguageDataError extends Error {
  readonly code = 'LANGUAGE_DATA_INVALID' as const;
  readonly file: string;
  readonly line?: number;

  constructor(file: string, line: number | undefined, reason: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'LanguageDataError';
    this.file = file;
    this.line = line;
  }
}
