/**
 * Authentication and authorisation failures. The code tells the error handler the status:
 * AUTH_REQUIRED 401, AUTH_INVALID_CREDENTIALS 401, FORBIDDEN 403, CSRF_INVALID 403,
 * ACCOUNT_DISABLED 403.
 */
export type AuthErrorCode =
  'AUTH_REQUIRED' | 'AUTH_INVALID_CREDENTIALS' | 'FORBIDDEN' | 'CSRF_INVALID' | 'ACCOUNT_DISABLED';

const USER_MESSAGES: Record<AuthErrorCode, string> = {
  AUTH_REQUIRED: '请先登录。',
  AUTH_INVALID_CREDENTIALS: '用户名或密码不正确。',
  FORBIDDEN: '您没有执行此操作的权限。',
  CSRF_INVALID: '请求校验失败，请刷新页面后重试。',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员。',
};

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly userMessage: string;
  constructor(
    readonly code: AuthErrorCode,
    message: string = code,
  ) {
    super(message);
    this.userMessage = USER_MESSAGES[code];
  }
}
