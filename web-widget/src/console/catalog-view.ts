/**
 * 事项清单管理 (admins): upload a new catalog or hall layout, check and compare it, publish it, and
 * see or roll back the versions. The assistant keeps answering from the version in service until a
 * new one is ready.
 */
import { h } from '../shared/dom.ts';
import { uploadPanel } from './catalog-upload-panel.ts';
import { versionHistory } from './catalog-versions.ts';

export function catalogView(): HTMLElement {
  const history = versionHistory(() => history.load());
  history.load();
  return h(
    'section',
    { class: 'view catalog-admin' },
    h('h1', { text: '事项清单管理' }),
    h('p', {
      class: 'muted',
      text: '上传后先查看校验结果和与线上版本的差异，确认无误再发布。有错误的文件不能发布；发布后可随时回滚到之前的版本。',
    }),
    uploadPanel('catalog', () => history.load()),
    uploadPanel('hall', () => history.load()),
    history.element,
  );
}
