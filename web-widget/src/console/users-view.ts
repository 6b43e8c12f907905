/**
 * 用户管理 (administrators): the staff accounts with their state, and the account actions — create,
 * disable or enable, reset a password, end every session. The server checks the password rules and
 * says which one failed; every action is in the audit log. All values are shown as text.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import { api, listOf } from './staff-api.ts';
import { formatDateTime } from './working-days.ts';

interface UserEntry {
  username: string;
  role: string;
  department?: string;
  createdAt: string;
  disabledAt?: string;
}

const ROLE_LABEL: Record<string, string> = { admin: '管理员', staff: '工作人员' };

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('p', {}, h('label', { attrs: { for: id }, text: label }), ' ', input);
}

export function usersView(): HTMLElement {
  const list = h('tbody');
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite', id: 'users-status' } });
  const say = (text: string) => (status.textContent = text);

  const act = (promise: Promise<unknown>, done: string) =>
    promise.then(() => (say(done), load())).catch((reason: unknown) => say(errorText(reason)));

  const passwordForm = (user: UserEntry): HTMLFormElement => {
    const id = `reset-${user.username}`;
    const input = h('input', {
      attrs: { id, type: 'password', autocomplete: 'new-password', minlength: 10 },
    });
    const form = h(
      'form',
      { class: 'inline-form' },
      h('label', { attrs: { for: id }, text: `${user.username} 的新密码` }),
      ' ',
      input,
      h('button', { text: '确定重置', attrs: { type: 'submit' } }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(
        api.post(`/admin/users/${encodeURIComponent(user.username)}/reset-password`, {
          password: input.value,
        }),
        `已重置 ${user.username} 的密码，其已登录的会话均已退出。`,
      );
    });
    return form;
  };

  const row = (user: UserEntry): HTMLElement => {
    const path = `/admin/users/${encodeURIComponent(user.username)}`;
    const actions = h('td', { class: 'actions' });
    actions.append(
      user.disabledAt
        ? h('button', {
            text: '启用',
            attrs: { type: 'button' },
            on: { click: () => void act(api.post(`${path}/enable`), `已启用 ${user.username}。`) },
          })
        : h('button', {
            text: '停用',
            attrs: { type: 'button' },
            on: {
              click: () =>
                void act(api.post(`${path}/disable`), `已停用 ${user.username}，其会话已全部退出。`),
            },
          }),
      h('button', {
        text: '重置密码',
        attrs: { type: 'button' },
        on: {
          click: () => {
            const form = passwordForm(user);
            actions.append(form);
            form.querySelector('input')?.focus();
          },
        },
      }),
      h('button', {
        text: '注销全部会话',
        attrs: { type: 'button' },
        on: {
          click: () => void act(api.post(`${path}/revoke-sessions`), `已注销 ${user.username} 的全部会话。`),
        },
      }),
    );
    return h(
      'tr',
      { attrs: { 'data-user': user.username } },
      h('td', { text: user.username }),
      h('td', { text: ROLE_LABEL[user.role] ?? user.role }),
      h('td', { text: user.department ?? '—' }),
      h('td', {
        class: 'user-state',
        text: user.disabledAt ? `已停用（${formatDateTime(user.disabledAt)}）` : '启用',
      }),
      actions,
    );
  };

  const load = (): void => {
    api
      .get<unknown>('/admin/users')
      .then((result) => replaceChildren(list, ...listOf<UserEntry>(result, 'users').map(row)))
      .catch((reason: unknown) => say(errorText(reason)));
  };

  const username = h('input', { attrs: { id: 'new-username', autocomplete: 'off', required: true } });
  const password = h('input', {
    attrs: { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true },
  });
  const role = h(
    'select',
    { attrs: { id: 'new-role' } },
    h('option', { text: '工作人员', attrs: { value: 'staff' } }),
    h('option', { text: '管理员', attrs: { value: 'admin' } }),
  );
  const department = h('input', { attrs: { id: 'new-department', autocomplete: 'off' } });
  const create = h(
    'form',
    { class: 'new-user' },
    h('h3', { text: '新建账号' }),
    field('new-username', '用户名', username),
    field('new-password', '初始密码', password),
    field('new-role', '角色', role),
    field('new-department', '部门', department),
    h('p', {
      class: 'muted',
      text: '密码至少 10 位，不能是重复字符、键盘或数字顺序、常见密码，也不能包含用户名。',
    }),
    h('button', { text: '创建', attrs: { type: 'submit' } }),
  );
  create.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      username: username.value.trim(),
      password: password.value,
      role: role.value,
      department: department.value.trim() || undefined,
    };
    void act(api.post('/admin/users', body), `已创建账号 ${body.username}。`).then(() => {
      password.value = '';
    });
  });

  load();
  return h(
    'section',
    { class: 'users-view' },
    h('h2', { text: '用户管理' }),
    status,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['用户名', '角色', '部门', '状态', '操作'].map((text) =>
            h('th', { text, attrs: { scope: 'col' } }),
          ),
        ),
      ),
      list,
    ),
    create,
  );
}
