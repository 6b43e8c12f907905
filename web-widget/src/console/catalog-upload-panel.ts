/**
 * One upload-to-publish panel (事项清单 or 大厅布局): pick a file, see its validation report and its
 * difference from the live version, publish it (disabled while it has errors) and follow the
 * re-indexing on a progress bar until the new version is in service.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import { diffView } from './catalog-diff-view.ts';
import type { CatalogDraft, DraftDiff, PublishJob, UploadKind } from './catalog-models.ts';
import { reportSummary, reportTable } from './catalog-report.ts';
import { api } from './staff-api.ts';

const POLL_MS = 500;
const TITLE: Record<UploadKind, string> = { catalog: '事项清单', hall: '大厅布局' };
const ACCEPT: Record<UploadKind, string> = { catalog: '.json,.csv,.xlsx', hall: '.json' };
const HINT: Record<UploadKind, string> = {
  catalog: '支持 Excel（.xlsx）、CSV（.csv）和 JSON（.json）格式，列名与导出的事项清单一致。',
  hall: '大厅布局文件（hall.json），包括楼层、专区和窗口。',
};

export function uploadPanel(kind: UploadKind, onPublished: () => void): HTMLElement {
  const id = `upload-${kind}`;
  const input = h('input', { attrs: { id: `${id}-file`, type: 'file', accept: ACCEPT[kind] } });
  const uploadButton = h('button', { text: '上传并检查', attrs: { type: 'submit' } });
  const status = h('p', { class: 'notice', attrs: { role: 'status' } });
  const result = h('div', { class: 'upload-result' });
  const publishButton = h('button', {
    class: 'primary',
    text: '发布',
    attrs: { type: 'button', disabled: true },
  });
  const progress = h('progress', { attrs: { max: 100, value: 0, 'aria-label': `${TITLE[kind]}发布进度` } });
  const progressText = h('span', { class: 'progress-text' });
  const progressBox = h('div', { class: 'progress', attrs: { hidden: true } }, progress, progressText);
  let draft: CatalogDraft | undefined;
  let liveVersion: string | undefined;

  const showJob = (job: PublishJob) => {
    progressBox.hidden = false;
    progress.value = job.percent;
    progressText.textContent = `${job.message}（${job.percent}%）`;
  };

  const follow = (job: PublishJob) => {
    showJob(job);
    if (job.status === 'running') {
      setTimeout(() => {
        api
          .get<{ job: PublishJob }>(`/admin/catalog/jobs/${encodeURIComponent(job.id)}`)
          .then((next) => follow(next.job))
          .catch((reason: unknown) => (status.textContent = errorText(reason)));
      }, POLL_MS);
      return;
    }
    if (job.status === 'succeeded') {
      status.textContent = `发布完成：导办助手现在按新版本（${job.version ?? ''}）回答。`;
      draft = undefined;
      onPublished();
    } else {
      status.textContent = `发布未完成：${job.error ?? '请稍后重试。'}线上版本没有改变。`;
      publishButton.disabled = false;
    }
  };

  const show = (uploaded: CatalogDraft) => {
    draft = uploaded;
    publishButton.disabled = !uploaded.publishable;
    const parts: HTMLElement[] = [
      h('p', { class: uploaded.publishable ? 'ok' : 'error', text: reportSummary(uploaded) }),
      reportTable(uploaded),
    ];
    replaceChildren(result, ...parts);
    if (!uploaded.publishable) return;
    api
      .get<DraftDiff>(`/admin/catalog/drafts/${encodeURIComponent(uploaded.id)}/diff`)
      .then((diff) => {
        liveVersion = diff.liveVersion;
        result.append(diffView(diff));
      })
      .catch((reason: unknown) => result.append(h('p', { class: 'error', text: errorText(reason) })));
  };

  const form = h(
    'form',
    { class: 'upload-form' },
    h('label', { attrs: { for: `${id}-file` }, text: `选择${TITLE[kind]}文件` }),
    input,
    uploadButton,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      status.textContent = '请先选择文件。';
      return;
    }
    uploadButton.disabled = true;
    publishButton.disabled = true;
    progressBox.hidden = true;
    replaceChildren(result);
    status.textContent = '正在上传并检查……';
    api
      .upload<{ draft: CatalogDraft }>(
        `/admin/catalog/drafts?kind=${kind}&fileName=${encodeURIComponent(file.name)}`,
        file,
      )
      .then((response) => {
        status.textContent = '检查完成。';
        show(response.draft);
      })
      .catch((reason: unknown) => (status.textContent = errorText(reason)))
      .finally(() => (uploadButton.disabled = false));
  });

  publishButton.addEventListener('click', () => {
    if (!draft?.publishable) return;
    publishButton.disabled = true;
    status.textContent = '正在发布，发布期间导办助手仍按当前版本回答。';
    api
      .post<{ job: PublishJob }>(`/admin/catalog/drafts/${encodeURIComponent(draft.id)}/publish`, {
        expectedLiveVersion: liveVersion,
      })
      .then((response) => follow(response.job))
      .catch((reason: unknown) => {
        status.textContent = errorText(reason);
        publishButton.disabled = false;
      });
  });

  return h(
    'section',
    { class: 'card catalog-panel', attrs: { 'aria-labelledby': `${id}-title` } },
    h('h2', { text: TITLE[kind], attrs: { id: `${id}-title` } }),
    h('p', { class: 'muted', text: HINT[kind] }),
    form,
    status,
    result,
    h('div', { class: 'publish-bar' }, publishButton, progressBox),
  );
}
