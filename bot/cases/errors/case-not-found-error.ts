/** No case with that number (or the phone digits do not match, which must look the same). */
export class CaseNotFoundError extends Error {
  readonly code = 'CASE_NOT_FOUND';
  readonly userMessage = '未找到该件，请核对件号和手机号后四位。';
  override readonly name = 'CaseNotFoundError';
}
