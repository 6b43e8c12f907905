/**
 * The one-time notice over HTTP: `POST /api/v1/precheck` keeps the pre-check under a number and
 * answers with the citizen's link and where to go; the PDF downloads with its sections, the number
 * and masked personal numbers only; a wrong key finds nothing; staff open it by number after signing
 * in, audited; the JSON carries the console address the QR code encodes.
 */
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { ADMIN, startHarness, useHarness } from '../../helpers/server-harness.ts';
import { StaffClient, requestJson } from '../../helpers/server-clients.ts';
import { PRECHECK_NO_PATTERN } from '../../../bot/precheck/records/precheck-number.ts';

const harness = useHarness();

// A valid 18-digit number (GB 11643 check digit) and a mobile number; neither may appear whole.
const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';

interface Created {
  item: { id: string; name: string };
  missing: Array<{ name: string; note?: string }>;
  precheckNo: string;
  noticeKey: string;
  noticeUrl: string;
  consoleUrl: string;
  where: { zone: string; window: string; ticketCategory?: string; hours: string; address?: string };
}

async function create(body: unknown = {}) {
  return requestJson<Created>(`${harness.url}/api/v1/precheck`, {
    body: {
      itemId: 'SHMS-001',
      provided: ['照片'],
      fields: { idNumber: ID_NUMBER, phone: PHONE },
      ...(body as object),
    },
  });
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, '');
}

describe('POST /api/v1/precheck keeps the notice', () => {
  it('answers with the number, the key, the links and where to go', async () => {
    const { status, body } = await create();
    expect(status).toBe(200);
    expect(body.precheckNo).toMatch(PRECHECK_NO_PATTERN);
    expect(body.noticeKey.length).toBeGreaterThanOrEqual(20);
    expect(body.noticeUrl).toBe(
      `/api/v1/precheck/${body.precheckNo}/notice.pdf?key=${encodeURIComponent(body.noticeKey)}`,
    );
    expect(body.consoleUrl).toBe(`${harness.url}/console/#/prechecks/${body.precheckNo}`);
    expect(body.where).toMatchObject({
      zone: expect.stringContaining('社会民生专区'),
      window: 'C01-C02号窗口',
      ticketCategory: '社会民生',
      hours: expect.stringContaining('9:00'),
      address: expect.stringContaining('起步区政务服务中心'),
    });
    expect(body.missing.map((material) => material.name)).toContain('居民身份证');
  });

  it('gives every pre-check its own number', async () => {
    const numbers = new Set<string>();
    for (let index = 0; index < 5; index += 1) numbers.add((await create()).body.precheckNo);
    expect(numbers.size).toBe(5);
  });
});

describe('GET /api/v1/precheck/:no/notice.pdf', () => {
  it('downloads a PDF with the item, the missing materials, the number and masked numbers only', async () => {
    const { body } = await create();
    const response = await fetch(`${harness.url}${body.noticeUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="precheck-${body.precheckNo}.pdf"`,
    );
    const bytes = await response.arrayBuffer();
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('一次性告知书');
    expect(text).toContain(body.item.name);
    expect(text).toContain(body.precheckNo);
    for (const material of body.missing) expect(text).toContain(material.name);
    expect(text).toContain('还需准备');
    expect(text).toContain('已齐全近期免冠彩色证件照片');
    expect(text).toContain('取号类别：社会民生');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('110105********002X');
    expect(text).toContain('138****5678');
  });

  it('lists what is exempt, what to correct and why', async () => {
    const { body } = await create({ provided: [], fields: { idNumber: ID_NUMBER, phone: '1381234567' } });
    const text = await pdfText(await (await fetch(`${harness.url}${body.noticeUrl}`)).arrayBuffer());
    expect(text).toContain('免提交近期免冠彩色证件照片');
    expect(text).toMatch(/需更正联系电话：.+/);
    expect(text).not.toContain('1381234567');
  });

  it('renders a notice once and keeps its key out of the logs', async () => {
    const { body } = await create();
    const first = Buffer.from(await (await fetch(`${harness.url}${body.noticeUrl}`)).arrayBuffer());
    const second = Buffer.from(await (await fetch(`${harness.url}${body.noticeUrl}`)).arrayBuffer());
    // A new rendering would carry a new creation date; the same bytes come from the cache.
    expect(second.equals(first)).toBe(true);
    expect(harness.logs.some((line) => line.includes(body.precheckNo))).toBe(true);
    expect(harness.logs.some((line) => line.includes(body.noticeKey))).toBe(false);
  });

  it('finds nothing with a wrong key, no key or an unknown number, alike', async () => {
    const { body } = await create();
    const wrong = await requestJson(
      `${harness.url}/api/v1/precheck/${body.precheckNo}/notice.pdf?key=${'A'.repeat(20)}`,
    );
    const missing = await requestJson(`${harness.url}/api/v1/precheck/${body.precheckNo}/notice.pdf`);
    const unknown = await requestJson(
      `${harness.url}/api/v1/precheck/YS000101-AAAAA/notice.pdf?key=${encodeURIComponent(body.noticeKey)}`,
    );
    for (const response of [wrong, missing, unknown]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'PRECHECK_NOT_FOUND' } });
    }
    expect(wrong.body).toEqual(unknown.body);
  });
});

describe('GET /api/v1/precheck/:no (the widget reopens it)', () => {
  it('returns the stored result with masked numbers and the console address', async () => {
    const { body } = await create();
    const reopened = await requestJson<Record<string, unknown>>(
      `${harness.url}/api/v1/precheck/${body.precheckNo}?key=${encodeURIComponent(body.noticeKey)}`,
    );
    expect(reopened.status).toBe(200);
    expect(reopened.headers.get('cache-control')).toBe('no-store');
    expect(reopened.body).toMatchObject({
      precheckNo: body.precheckNo,
      item: body.item,
      missing: body.missing,
      where: body.where,
      fields: { idNumber: '110105********002X', phone: '138****5678' },
      consoleUrl: body.consoleUrl,
    });
    expect(JSON.stringify(reopened.body)).not.toContain(ID_NUMBER);
    expect(reopened.body).not.toHaveProperty('noticeKey');
    const wrong = await requestJson(`${harness.url}/api/v1/precheck/${body.precheckNo}?key=nope`);
    expect(wrong.status).toBe(404);
    const notANumber = await requestJson(`${harness.url}/api/v1/precheck/questions?key=nope`);
    expect(notANumber.status).toBe(404);
  });
});

describe('GET /api/v1/staff/prechecks/:no', () => {
  it('needs a staff session', async () => {
    const { body } = await create();
    const response = await requestJson(`${harness.url}/api/v1/staff/prechecks/${body.precheckNo}`);
    expect(response.status).toBe(401);
  });

  it('shows the same result to a signed-in clerk, by the number as typed, and audits the view', async () => {
    const { body } = await create();
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const typed = body.precheckNo.toLowerCase().replace('-', ' ');
    const view = await staff.get<Record<string, unknown>>(
      `/api/v1/staff/prechecks/${encodeURIComponent(typed)}`,
    );
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      precheckNo: body.precheckNo,
      item: body.item,
      missing: body.missing,
      where: body.where,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(view.body)).not.toContain(ID_NUMBER);
    const audit = await staff.get<{ entries: Array<{ action: string; target?: string; actor: string }> }>(
      '/api/v1/staff/audit',
    );
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: 'precheck.view', target: body.precheckNo, actor: ADMIN.username }),
    );
    const unknown = await staff.get('/api/v1/staff/prechecks/YS000101-AAAAA');
    expect(unknown.status).toBe(404);
  });
});

describe('retention (PRECHECK_RETENTION_DAYS)', () => {
  it('sweeps the records past their retention, so that neither the citizen nor staff find them', async () => {
    let now = Date.parse('2026-12-02T02:00:00Z');
    const clock = () => new Date(now);
    const first = await startHarness({ clock, settings: { precheckNotice: { retentionDays: 3 } } });
    let created: Created;
    try {
      created = (await requestJson<Created>(`${first.url}/api/v1/precheck`, { body: { itemId: 'SHMS-001' } }))
        .body;
      expect(created.precheckNo).toMatch(/^YS261202-/);
      expect(first.server.services.store.prechecks.get(created.precheckNo)).toBeDefined();
    } finally {
      await first.stop();
    }
    now += 3 * 24 * 60 * 60 * 1000;
    // The sweep runs at start (and hourly): the record is gone from the database.
    const later = await startHarness({
      clock,
      dataDir: first.dataDir,
      settings: { precheckNotice: { retentionDays: 3 } },
    });
    try {
      expect(later.server.services.store.prechecks.get(created.precheckNo)).toBeUndefined();
      const reopened = await requestJson(
        `${later.url}/api/v1/precheck/${created.precheckNo}?key=${encodeURIComponent(created.noticeKey)}`,
      );
      expect(reopened.status).toBe(404);
    } finally {
      await later.stop();
    }
  });
});
