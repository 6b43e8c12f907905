/** A sensitive-word lexicon that cannot be read or parsed. */
export class LexiconFileError extends Error {
  readonly code = 'LEXICON_FILE_INVALID';
  override readonly name = 'LexiconFileError';
}
