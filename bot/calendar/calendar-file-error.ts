/** A holiday/make-up-day file that cannot be read or does not match the expected shape. */
export class CalendarFileError extends Error {
  readonly code = 'CALENDAR_FILE_INVALID';
  override readonly name = 'CalendarFileError';
}
