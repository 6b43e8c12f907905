/**
 * The state of a publish as the console polls it: status, the current phase in Chinese and a
 * percentage over the whole run (validation, ingest's phases, opening the new version, the switch).
 */
import type { UploadKind } from './upload-content.ts';

export type PublishPhase = 'validate' | 'load' | 'chunk' | 'embed' | 'write' | 'open' | 'switch' | 'done';

export interface PublishJob {
  id: string;
  kind: UploadKind;
  draftId: string;
  fileName: string;
  startedBy: string;
  startedAt: string;
  status: 'running' | 'succeeded' | 'failed';
  phase: PublishPhase;
  /** 0–100 over the whole publish. */
  percent: number;
  /** What is happening, for the progress bar's label. */
  message: string;
  finishedAt?: string;
  version?: string;
  previousVersion?: string;
  /** Why it failed, for the administrator. */
  error?: string;
}

/** Where each phase starts and ends on the 0–100 scale (embedding takes most of the time). */
const PHASE_RANGE: Record<PublishPhase, [number, number]> = {
  validate: [0, 5],
  load: [5, 15],
  chunk: [15, 20],
  embed: [20, 85],
  write: [85, 92],
  open: [92, 98],
  switch: [98, 100],
  done: [100, 100],
};

export const PHASE_LABEL: Record<PublishPhase, string> = {
  validate: '正在校验文件',
  load: '正在读取事项清单和大厅布局',
  chunk: '正在整理事项内容',
  embed: '正在建立检索索引',
  write: '正在写入新版本',
  open: '正在加载新版本',
  switch: '正在切换到新版本',
  done: '已发布',
};

/** Moves the job to `phase`, `done` of `total` steps into it; the percentage never goes back. */
export function advanceJob(job: PublishJob, phase: PublishPhase, done: number, total: number): void {
  const [start, end] = PHASE_RANGE[phase];
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  job.phase = phase;
  job.message = PHASE_LABEL[phase];
  job.percent = Math.max(job.percent, Math.round(start + (end - start) * share));
}
