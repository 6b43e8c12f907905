/**
 * The pre-check's HTTP calls from the widget and the kiosk. Every failure becomes a `PrecheckApiError`
 * with a message a citizen can act on: the server's own message when it gives one, otherwise a plain
 * "please try again". Nothing typed (身份证号, 手机号) is ever logged.
 */
import {
  parseQuestions,
  parseResult,
  parseUpload,
  type PrecheckFields,
  type PrecheckQuestions,
  type PrecheckResult,
  type UploadReading,
} from './precheck-model.ts';

export class PrecheckApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = '',
  ) {
    super(message);
  }
}

const OFFLINE = '暂时无法连接服务，请检查网络后再试，或直接到窗口咨询。';
const BROKEN = '服务暂时出现问题，请稍后再试，或直接到窗口咨询。';
/** An upload the server cannot take yet (or at all): the checklist still works. */
export const UPLOAD_UNAVAILABLE = '暂时不能上传证件照片，请直接勾选您已备好的材料。';

function urlOf(server: string, path: string): URL {
  return new URL(path, new URL(server || '/', location.href));
}

async function call(server: string, path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(urlOf(server, path), { ...init, credentials: 'same-origin' });
  } catch {
    throw new PrecheckApiError(0, OFFLINE);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: { message?: unknown; code?: unknown } } | undefined)?.error;
    const message = typeof error?.message === 'string' ? error.message : BROKEN;
    throw new PrecheckApiError(response.status, message, typeof error?.code === 'string' ? error.code : '');
  }
  return body;
}

export async function fetchPrecheckQuestions(server: string, itemId: string): Promise<PrecheckQuestions> {
  const data = parseQuestions(
    await call(server, `/api/v1/items/${encodeURIComponent(itemId)}/precheck-questions`),
  );
  if (!data) throw new PrecheckApiError(500, BROKEN);
  return data;
}

export interface PrecheckRequest {
  itemId: string;
  situation: Record<string, boolean | string>;
  provided: string[];
  fields: PrecheckFields;
  uploads: string[];
}

export async function submitPrecheck(server: string, request: PrecheckRequest): Promise<PrecheckResult> {
  const fields = Object.fromEntries(Object.entries(request.fields).filter(([, value]) => Boolean(value)));
  const body: Record<string, unknown> = {
    itemId: request.itemId,
    situation: request.situation,
    provided: request.provided,
    fields,
  };
  if (request.uploads.length > 0) body.uploads = request.uploads;
  const result = parseResult(
    await call(server, '/api/v1/precheck', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!result) throw new PrecheckApiError(500, BROKEN);
  return result;
}

const reopenPath = (number: string, key: string): string =>
  `/api/v1/precheck/${encodeURIComponent(number)}?key=${encodeURIComponent(key)}`;

/**
 * A pre-check opened again by its number and key (the QR code's address). The stored notice does not
 * repeat its key, so the links are made from the key the address gave.
 */
export async function reopenPrecheck(server: string, number: string, key: string): Promise<PrecheckResult> {
  const result = parseResult(await call(server, reopenPath(number, key)));
  if (!result) throw new PrecheckApiError(500, BROKEN);
  const precheckNo = result.precheckNo ?? number;
  return {
    ...result,
    precheckNo,
    noticeKey: result.noticeKey ?? key,
    noticeUrl:
      result.noticeUrl ??
      `/api/v1/precheck/${encodeURIComponent(precheckNo)}/notice.pdf?key=${encodeURIComponent(key)}`,
  };
}

/**
 * Withdraws an upload the citizen removed (`DELETE /api/v1/precheck/uploads/:id`), so the file does
 * not wait for its retention period. Best effort: it is left out of the pre-check in any case.
 */
export function withdrawUpload(server: string, id: string): void {
  fetch(urlOf(server, `/api/v1/precheck/uploads/${encodeURIComponent(id)}`), {
    method: 'DELETE',
    credentials: 'same-origin',
  }).catch(() => undefined);
}

export async function uploadDocument(server: string, file: File): Promise<UploadReading> {
  const form = new FormData();
  form.append('file', file, file.name);
  let data: unknown;
  try {
    data = await call(server, '/api/v1/precheck/uploads', { method: 'POST', body: form });
  } catch (error) {
    // No upload route on this server (404/405, or only JSON taken): the citizen ticks the checklist.
    const absent =
      error instanceof PrecheckApiError &&
      (error.status === 404 || error.status === 405 || error.code === 'UNSUPPORTED_MEDIA_TYPE');
    if (absent) {
      throw new PrecheckApiError(error.status, UPLOAD_UNAVAILABLE);
    }
    throw error;
  }
  const reading = parseUpload(data, file.name);
  if (!reading) throw new PrecheckApiError(500, UPLOAD_UNAVAILABLE);
  return reading;
}
