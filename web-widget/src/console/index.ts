/**
 * Entry of the staff console (`/console`): checks the session, shows the login form or the app shell,
 * and routes by URL hash between the queue, a case, ratings, knowledge gaps, analytics and (admins)
 * catalog management and user accounts.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { analyticsView } from './analytics-view.ts';
import { caseView } from './case-view.ts';
import { catalogView } from './catalog-view.ts';
import { gapsView } from './gaps-view.ts';
import { precheckView } from './precheck-view.ts';
import { knowledgeView } from './knowledge-view.ts';
import { loginView } from './login-view.ts';
import type { StaffUser } from './models.ts';
import { ratingsView } from './ratings-view.ts';
import { queueView } from './queue-view.ts';
import { usersView } from './users-view.ts';
import { api, setCsrfToken } from './staff-api.ts';
import { startLiveChannel, stopLiveChannel } from './live-channel.ts';
import { channelNotice, muteToggle, unreadTotalBadge } from './live-indicators.ts';
import { trackUnread } from './unread-cases.ts';

const app = document.getElementById('app') ?? document.body;
const ROLE_LABEL: Record<string, string> = { admin: '管理员', staff: '工作人员', supervisor: '督办' };
const NAV: [string, string][] = [
  ['#/cases', '工单'],
  ['#/ratings', '好差评'],
  ['#/gaps', '知识缺口'],
  ['#/knowledge', '知识库'],
  ['#/analytics', '统计分析'],
  ['#/prechecks', '预审单'],
];
/** Views only administrators see. */
const ADMIN_NAV: [string, string][] = [
  ['#/catalog', '事项清单管理'],
  ['#/users', '用户管理'],
];

let user: StaffUser | undefined;
const main = h('main', { attrs: { id: 'main', tabindex: -1 } });

function route(): void {
  if (!user) return;
  const hash = location.hash || '#/cases';
  const caseMatch = /^#\/cases\/(.+)$/.exec(hash);
  const precheckMatch = /^#\/prechecks(?:\/(.*))?$/.exec(hash);
  const view = caseMatch
    ? caseView(decodeURIComponent(caseMatch[1]))
    : precheckMatch
      ? precheckView(precheckMatch[1] ? decodeURIComponent(precheckMatch[1]) : undefined)
      : hash === '#/ratings'
        ? ratingsView()
        : hash === '#/gaps'
          ? gapsView()
          : hash === '#/knowledge'
            ? knowledgeView()
            : hash === '#/analytics'
              ? analyticsView()
              : hash === '#/catalog' && user.role === 'admin'
                ? catalogView()
                : hash === '#/users' && user.role === 'admin'
                  ? usersView()
                  : queueView();
  replaceChildren(main, view);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    const active = hash.startsWith(link.getAttribute('href') ?? '');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.focus();
}

function shell(current: StaffUser): void {
  user = current;
  const logout = h('button', {
    text: '退出',
    attrs: { type: 'button' },
    on: {
      click: () => {
        void api.post('/staff/logout').finally(() => {
          stopLiveChannel();
          user = undefined;
          showLogin();
        });
      },
    },
  });
  replaceChildren(
    app,
    h('a', { class: 'skip', attrs: { href: '#main' }, text: '跳到主要内容' }),
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'brand', text: '导办工作台' }),
      h(
        'nav',
        { attrs: { 'aria-label': '功能导航' } },
        ...[...NAV, ...(current.role === 'admin' ? ADMIN_NAV : [])].map(([href, text]) =>
          h('a', { attrs: { href } }, text, href === '#/cases' ? unreadTotalBadge() : null),
        ),
      ),
      channelNotice(),
      muteToggle(),
      h('span', {
        class: 'who',
        text: `${current.username}（${ROLE_LABEL[current.role] ?? current.role}${current.department ? '·' + current.department : ''}）`,
      }),
      logout,
    ),
    main,
  );
  route();
  startLiveChannel(() => {
    user = undefined;
    showLogin();
  });
}

function showLogin(): void {
  replaceChildren(
    app,
    h(
      'main',
      { class: 'login-page' },
      loginView((loggedIn, token) => {
        setCsrfToken(token);
        shell(loggedIn);
      }),
    ),
  );
}

window.addEventListener('hashchange', route);
trackUnread();
api
  .get<{ user: StaffUser; csrfToken: string }>('/staff/me')
  .then((session) => {
    setCsrfToken(session.csrfToken);
    shell(session.user);
  })
  .catch(() => showLogin());
