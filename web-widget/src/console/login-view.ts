/** The staff login form. On success the caller receives the user and the CSRF token. */
import { h } from '../shared/dom.ts';
import { StaffApiError, api } from './staff-api.ts';
import type { StaffUser } from './models.ts';

export function loginView(onLogin: (user: StaffUser, csrfToken: string) => void): HTMLElement {
  const username = h('input', {
    attrs: { id: 'login-username', name: 'username', autocomplete: 'username', required: true },
  });
  const password = h('input', {
    attrs: {
      id: 'login-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    },
  });
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const submit = h('button', { class: 'primary', text: '登录', attrs: { type: 'submit' } });
  const form = h(
    'form',
    { class: 'login card', attrs: { 'aria-labelledby': 'login-title' } },
    h('h1', { text: '导办工作台', attrs: { id: 'login-title' } }),
    h('p', { class: 'muted', text: '政务服务中心工作人员登录' }),
    h('label', { attrs: { for: 'login-username' }, text: '用户名' }),
    username,
    h('label', { attrs: { for: 'login-password' }, text: '密码' }),
    password,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    api
      .post<{ user: StaffUser; csrfToken: string }>('/staff/login', {
        username: username.value.trim(),
        password: password.value,
      })
      .then((result) => onLogin(result.user, result.csrfToken))
      .catch((reason: unknown) => {
        error.textContent =
          reason instanceof StaffApiError && reason.status === 401
            ? '用户名或密码不正确。'
            : errorText(reason);
        password.select();
      })
      .finally(() => (submit.disabled = false));
  });
  queueMicrotask(() => username.focus());
  return form;
}

export function errorText(reason: unknown): string {
  return reason instanceof Error && reason.message ? reason.message : '操作失败，请稍后重试。';
}
