/** The version history: every index version kept on disk, the one in service marked, each other one a rollback away. */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import type { IndexVersion, VersionList } from './catalog-models.ts';
import { api } from './staff-api.ts';
import { formatDateTime } from './working-days.ts';

const KIND_LABEL: Record<string, string> = { catalog: '事项清单', hall: '大厅布局' };

function origin(version: IndexVersion): string {
  if (!version.publishedBy) return '首次启动或命令行生成';
  const what = version.kind ? `发布${KIND_LABEL[version.kind]}` : '发布';
  return `${version.publishedBy} ${what}${version.fileName ? `（${version.fileName}）` : ''}`;
}

export function versionHistory(onChange: () => void): { element: HTMLElement; load: () => void } {
  const body = h('tbody');
  const status = h('p', { class: 'notice', attrs: { role: 'status' } });
  const rollback = (version: IndexVersion, button: HTMLButtonElement) => {
    button.disabled = true;
    status.textContent = `正在回滚到版本 ${version.version}……`;
    api
      .post<{ version: string }>(`/admin/catalog/versions/${encodeURIComponent(version.version)}/rollback`)
      .then((result) => {
        status.textContent = `已回滚到版本 ${result.version}，导办助手现在按这个版本回答。`;
        onChange();
      })
      .catch((reason: unknown) => {
        status.textContent = errorText(reason);
        button.disabled = false;
      });
  };
  const row = (version: IndexVersion) => {
    const button = h('button', { text: '回滚到此版本', attrs: { type: 'button' } });
    button.addEventListener('click', () => rollback(version, button));
    return h(
      'tr',
      { class: version.live ? 'live' : '', attrs: { 'data-version': version.version } },
      h('td', { text: version.version }),
      h('td', { text: formatDateTime(version.publishedAt ?? version.createdAt) }),
      h('td', { text: `清单 ${version.catalogVersion}，${version.items} 个事项；${version.hallName}` }),
      h('td', { text: origin(version) }),
      h('td', {}, version.live ? h('strong', { text: '使用中' }) : button),
    );
  };
  const load = () => {
    api
      .get<VersionList>('/admin/catalog/versions')
      .then((list) => replaceChildren(body, ...list.versions.map(row)))
      .catch((reason: unknown) => (status.textContent = errorText(reason)));
  };
  const element = h(
    'section',
    { class: 'card versions', attrs: { 'aria-labelledby': 'versions-title' } },
    h('h2', { text: '版本记录', attrs: { id: 'versions-title' } }),
    h('p', {
      class: 'muted',
      text: '每次发布都会生成一个新版本，系统保留最近几个版本。回滚后导办助手立即改按所选版本回答。',
    }),
    status,
    h(
      'table',
      { attrs: { 'aria-label': '版本记录' } },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['版本', '发布时间', '内容', '来源', '操作'].map((text) =>
            h('th', { text, attrs: { scope: 'col' } }),
          ),
        ),
      ),
      body,
    ),
  );
  return { element, load };
}
