/**
 * Catalog and hall-layout management over real HTTP, on a real index folder: only admins may use it;
 * an upload is checked by size and content, validated into a report and compared with the live
 * catalog; publishing re-indexes in the background while questions are still answered from the old
 * version, then switches without a restart (staff knowledge kept); a catalog with errors is never
 * published; the previous version is one rollback away; a restart opens what was published; every
 * step is in the audit log. The publish is held just before its switch by the compose hook.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurrentVersion } from '../../../knowledge/index/index-folder.ts';
import { ADMIN, removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { StaffClient, requestJson, uploadAs, type JsonResponse } from '../../helpers/server-clients.ts';

const MAX_UPLOAD_BYTES = 400 * 1024;
const shippedCatalog = () =>
  JSON.parse(readFileSync(path.resolve('knowledge/data/catalog.json'), 'utf8')) as {
    version: string;
    items: Array<Record<string, unknown> & { id: string; name: string }>;
    themes: unknown[];
  };
const shippedHall = () =>
  JSON.parse(readFileSync(path.resolve('knowledge/data/hall.json'), 'utf8')) as Record<string, unknown> & {
    phone: string;
    windows: Array<Record<string, unknown> & { id: string }>;
    zones: Array<{ name: string; windows: string[] }>;
  };

/** The shipped catalog with 食品经营许可 moved to window A08, one item removed and one added. */
function changedCatalog(): Buffer {
  const catalog = shippedCatalog();
  catalog.version = '2026.12-test';
  const food = catalog.items.find((item) => item.id === 'QYKB-006')!;
  food.window = 'A08';
  catalog.items = catalog.items.filter((item) => item.id !== 'QYKB-011');
  catalog.items.push({
    ...catalog.items.find((item) => item.id === 'QYKB-012')!,
    id: 'QYKB-099',
    name: '测试新增事项',
    aliases: [],
    themes: [],
  });
  return Buffer.from(JSON.stringify(catalog));
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/** While set, a publish waits just before its switch: `reached` resolves, then `release` is awaited. */
let hold: { reached: Deferred; release: Deferred } | undefined;
/** While set, a publish fails just before its switch. */
let failSwitch = false;
const beforeIndexSwitch = async () => {
  if (failSwitch) throw new Error('simulated failure before the switch');
  if (!hold) return;
  hold.reached.resolve();
  await hold.release.promise;
};

let harness: Harness;
const options = {
  settings: {
    limits: { maxUploadBytes: MAX_UPLOAD_BYTES, ipPerMinute: 100_000, sessionPerMinute: 10_000 },
  },
  beforeIndexSwitch,
};
beforeAll(async () => {
  harness = await startHarness(options);
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

interface Draft {
  id: string;
  publishable: boolean;
  report: {
    errors: Array<{ row?: number; column?: string; field: string; message: string; file: string }>;
    warnings: Array<{ message: string }>;
    summary?: { items?: number; hallName: string };
  };
}
interface Job {
  id: string;
  status: string;
  phase: string;
  percent: number;
  version?: string;
  previousVersion?: string;
  error?: string;
}

async function admin(): Promise<StaffClient> {
  const client = new StaffClient(harness.url);
  await client.login(ADMIN.username, ADMIN.password);
  return client;
}

const upload = (client: StaffClient, kind: string, fileName: string, bytes: Uint8Array) =>
  uploadAs<{ draft: Draft; error?: { code: string; message: string } }>(
    client,
    `/api/v1/admin/catalog/drafts?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    bytes,
  );

async function waitForJob(client: StaffClient, id: string): Promise<Job> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const { body } = await client.get<{ job: Job }>(`/api/v1/admin/catalog/jobs/${id}`);
    if (body.job.status !== 'running') return body.job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the publish did not finish');
}

const ask = (question: string) =>
  requestJson<{ answer: string; items: Array<{ id: string }> }>(`${harness.url}/api/v1/ask`, {
    body: { question },
  });
const foodWindowQuestion = '食品经营许可在哪个窗口办';
const health = async () =>
  (await requestJson<{ indexVersion: string; items: number }>(`${harness.url}/healthz`)).body;

describe('catalog management: access', () => {
  it('needs a login, the admin role and the CSRF token', async () => {
    const anonymous = await fetch(`${harness.url}/api/v1/admin/catalog/versions`);
    expect(anonymous.status).toBe(401);

    const client = await admin();
    expect(
      (
        await client.post('/api/v1/admin/users', {
          username: 'window.staff',
          password: 'window-staff-pass',
          role: 'staff',
        })
      ).status,
    ).toBe(201);
    const staff = new StaffClient(harness.url);
    await staff.login('window.staff', 'window-staff-pass');
    expect((await staff.get('/api/v1/admin/catalog/versions')).status).toBe(403);
    const refused = await upload(staff, 'catalog', 'catalog.json', changedCatalog());
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FORBIDDEN');

    const withoutCsrf = await uploadAs(
      client,
      '/api/v1/admin/catalog/drafts?kind=catalog&fileName=catalog.json',
      changedCatalog(),
      { csrf: false },
    );
    expect(withoutCsrf.status).toBe(403);
    expect((withoutCsrf.body as { error: { code: string } }).error.code).toBe('CSRF_INVALID');
  });
});

describe('catalog management: what an upload must be', () => {
  it('refuses a file over the size limit and accepts one exactly at it', async () => {
    const client = await admin();
    const base = Buffer.from(JSON.stringify({ version: '1', hall: { name: '测试' }, items: [], themes: [] }));
    const atLimit = Buffer.concat([base, Buffer.alloc(MAX_UPLOAD_BYTES - base.length, 0x20)]);
    const accepted = await upload(client, 'catalog', 'padded.json', atLimit);
    expect(accepted.status).toBe(201);
    const over = await upload(client, 'catalog', 'padded.json', Buffer.concat([atLimit, Buffer.from(' ')]));
    expect(over.status).toBe(413);
    expect(over.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect(over.body.error?.message).toContain('400 KB');
  });

  it('checks the content against the extension', async () => {
    const client = await admin();
    const json = changedCatalog();
    const xlsx = readFileSync(path.resolve('tests/fixtures/catalogs/small-catalog.xlsx'));
    const cases: Array<[string, string, Uint8Array, number, string, RegExp]> = [
      ['catalog', 'catalog.xlsx', json, 400, 'UPLOAD_CONTENT_MISMATCH', /不是 Excel 工作簿/],
      ['catalog', 'catalog.csv', xlsx, 400, 'UPLOAD_CONTENT_MISMATCH', /Excel 工作簿/],
      ['catalog', 'catalog.json', xlsx, 400, 'UPLOAD_CONTENT_MISMATCH', /Excel 工作簿/],
      ['catalog', 'catalog.json', Buffer.from('{"items": ['), 400, 'UPLOAD_CONTENT_MISMATCH', /JSON/],
      ['catalog', 'catalog.txt', json, 415, 'UPLOAD_UNSUPPORTED_TYPE', /\.json、\.csv、\.xlsx/],
      ['hall', 'hall.csv', Buffer.from('a,b\n'), 415, 'UPLOAD_UNSUPPORTED_TYPE', /大厅布局只能上传 \.json/],
      ['catalog', 'empty.csv', Buffer.alloc(0), 400, 'UPLOAD_EMPTY', /空文件/],
    ];
    for (const [kind, name, bytes, status, code, message] of cases) {
      const response = await upload(client, kind, name, bytes);
      expect(response.status, name).toBe(status);
      expect(response.body.error?.code, name).toBe(code);
      expect(response.body.error?.message, name).toMatch(message);
    }
    // A zip archive that is no workbook passes the content check but cannot be read.
    const notWorkbook = await upload(
      client,
      'catalog',
      'archive.xlsx',
      Buffer.from('PK\x03\x04 not a workbook'),
    );
    expect(notWorkbook.status).toBe(400);
    expect(notWorkbook.body.error?.code).toBe('UPLOAD_INVALID');
    expect(notWorkbook.body.error?.message).toContain('archive.xlsx');
    expect(notWorkbook.body.error?.message).not.toContain(harness.dataDir);
    // A real workbook passes the content check and is read.
    const workbook = await upload(client, 'catalog', 'small-catalog.xlsx', xlsx);
    expect(workbook.status).toBe(201);
    expect(workbook.body.draft.report.summary?.items).toBeGreaterThan(0);
  });

  it('reports every error of a broken catalog by row and column, and never publishes it', async () => {
    const client = await admin();
    const broken = readFileSync(path.resolve('tests/fixtures/catalogs/broken-catalog.csv'));
    const uploaded = await upload(client, 'catalog', 'broken-catalog.csv', broken);
    expect(uploaded.status).toBe(201);
    const { draft } = uploaded.body;
    expect(draft.publishable).toBe(false);
    expect(draft.report.errors.length).toBeGreaterThan(1);
    expect(draft.report.errors.some((issue) => typeof issue.row === 'number' && issue.column)).toBe(true);
    expect(draft.report.errors.every((issue) => issue.file === 'broken-catalog.csv')).toBe(true);

    const report = await client.get<{ draft: Draft }>(`/api/v1/admin/catalog/drafts/${draft.id}`);
    expect(report.body.draft.report.errors).toEqual(draft.report.errors);
    expect((await client.get(`/api/v1/admin/catalog/drafts/${draft.id}/diff`)).status).toBe(422);

    const before = await health();
    const publish = await client.post<{ error: { code: string } }>(
      `/api/v1/admin/catalog/drafts/${draft.id}/publish`,
    );
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('DRAFT_HAS_ERRORS');
    expect((await health()).indexVersion).toBe(before.indexVersion);
    expect((await client.get('/api/v1/admin/catalog/drafts/no-such-draft')).status).toBe(404);
  });
});

describe('catalog management: publish, switch, rollback', () => {
  let shippedVersion = '';
  let publishedVersion = '';

  it('shows the difference field by field', async () => {
    const client = await admin();
    const uploaded = await upload(client, 'catalog', '事项清单-12月.json', changedCatalog());
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.draft.publishable).toBe(true);
    expect(uploaded.body.draft.report.errors).toEqual([]);
    const diff = await client.get<{
      liveVersion: string;
      catalog: {
        version: { before: string; after: string };
        items: {
          added: Array<{ id: string }>;
          removed: Array<{ id: string }>;
          changed: Array<{
            id: string;
            changes: Array<{ field: string; label: string; before: string; after: string }>;
          }>;
        };
      };
    }>(`/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/diff`);
    expect(diff.status).toBe(200);
    const { items, version } = diff.body.catalog;
    expect(version.after).toBe('2026.12-test');
    expect(items.added.map((item) => item.id)).toEqual(['QYKB-099']);
    expect(items.removed.map((item) => item.id)).toEqual(['QYKB-011']);
    expect(items.changed).toEqual([
      {
        id: 'QYKB-006',
        name: '食品经营许可',
        changes: [{ field: 'window', label: '办理窗口', before: 'A06', after: 'A08' }],
      },
    ]);
    expect(diff.body.liveVersion).toBe((await health()).indexVersion);
  });

  it('answers from the old version while the new one is built, then switches without a restart', async () => {
    const client = await admin();
    // Staff knowledge published before the switch must still be found after it.
    await client.post('/api/v1/staff/knowledge', {
      question: '大厅哪里可以给手机充电',
      answer: '综合咨询台提供免费充电宝，请向工作人员领取。',
    });
    expect((await ask('大厅哪里可以给手机充电')).body.answer).toContain('充电宝');
    const before = await ask(foodWindowQuestion);
    expect(before.body.items[0]?.id).toBe('QYKB-006');
    expect(before.body.answer).toContain('A06');
    shippedVersion = (await health()).indexVersion;

    const uploaded = await upload(client, 'catalog', '事项清单-12月.json', changedCatalog());
    hold = { reached: deferred(), release: deferred() };
    const started = await client.post<{ job: Job }>(
      `/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/publish`,
      {
        expectedLiveVersion: shippedVersion,
      },
    );
    expect(started.status).toBe(202);
    expect(started.body.job.status).toBe('running');
    const jobId = started.body.job.id;

    await hold.reached.promise;
    // The new version is complete on disk, but the assistant in service is still the old one.
    expect(await readCurrentVersion(path.join(harness.server.services.settings.indexDir))).not.toBe(
      shippedVersion,
    );
    const during = await ask(foodWindowQuestion);
    expect(during.body.answer).toContain('A06');
    expect(during.body.answer).not.toContain('A08');
    expect((await health()).indexVersion).toBe(shippedVersion);
    const running = (await client.get<{ job: Job }>(`/api/v1/admin/catalog/jobs/${jobId}`)).body.job;
    expect(running).toMatchObject({ status: 'running', phase: 'switch' });
    expect(running.percent).toBeGreaterThanOrEqual(90);
    expect(running.percent).toBeLessThan(100);
    // One publish or rollback at a time.
    const second = await client.post<{ error: { code: string } }>(
      `/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/publish`,
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('INDEX_BUSY');

    hold.release.resolve();
    const finished = await waitForJob(client, jobId);
    hold = undefined;
    expect(finished).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      percent: 100,
      previousVersion: shippedVersion,
    });
    publishedVersion = finished.version!;

    const after = await ask(foodWindowQuestion);
    expect(after.body.items[0]?.id).toBe('QYKB-006');
    expect(after.body.answer).toContain('A08');
    expect(after.body.answer).not.toContain('A06');
    expect(await health()).toMatchObject({ indexVersion: publishedVersion, items: 67 });
    expect((await ask('大厅哪里可以给手机充电')).body.answer).toContain('充电宝');
  });

  it('leaves the live version in service when a publish fails', async () => {
    const client = await admin();
    const liveBefore = (await health()).indexVersion;
    const uploaded = await upload(client, 'catalog', 'fails.json', changedCatalog());
    failSwitch = true;
    try {
      const started = await client.post<{ job: Job }>(
        `/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/publish`,
      );
      const finished = await waitForJob(client, started.body.job.id);
      expect(finished.status).toBe('failed');
      expect(finished.error).toContain('线上版本未改变');
    } finally {
      failSwitch = false;
    }
    expect((await health()).indexVersion).toBe(liveBefore);
    expect(await readCurrentVersion(harness.server.services.settings.indexDir)).toBe(liveBefore);
    // The version that never went live is gone from the history.
    const versions = await client.get<{ versions: Array<{ version: string }> }>(
      '/api/v1/admin/catalog/versions',
    );
    expect(versions.body.versions.map((entry) => entry.version)).toEqual([liveBefore, shippedVersion]);
    const audit = await client.get<{ entries: Array<{ action: string; detail?: Record<string, unknown> }> }>(
      '/api/v1/staff/audit',
    );
    expect(audit.body.entries.find((entry) => entry.action === 'index.publish-failed')?.detail).toMatchObject(
      {
        fileName: 'fails.json',
      },
    );
  });

  it('refuses a publish against a live version that has changed since the diff', async () => {
    const client = await admin();
    const uploaded = await upload(client, 'catalog', 'again.json', changedCatalog());
    const stale = await client.post<{ error: { code: string } }>(
      `/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/publish`,
      {
        expectedLiveVersion: shippedVersion,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('LIVE_VERSION_CHANGED');
  });

  it('lists the versions with who published them, and writes publishes to the audit log', async () => {
    const client = await admin();
    const { body } = await client.get<{
      liveVersion: string;
      versions: Array<{
        version: string;
        live: boolean;
        publishedBy?: string;
        kind?: string;
        fileName?: string;
        items: number;
      }>;
    }>('/api/v1/admin/catalog/versions');
    expect(body.liveVersion).toBe(publishedVersion);
    expect(body.versions[0]).toMatchObject({
      version: publishedVersion,
      live: true,
      publishedBy: ADMIN.username,
      kind: 'catalog',
      fileName: '事项清单-12月.json',
      items: 67,
    });
    expect(body.versions.find((entry) => entry.version === shippedVersion)).toMatchObject({ live: false });

    const audit = await client.get<{
      entries: Array<{ action: string; actor: string; target?: string; detail?: Record<string, unknown> }>;
    }>('/api/v1/staff/audit');
    const publish = audit.body.entries.find((entry) => entry.action === 'index.publish');
    expect(publish).toMatchObject({
      actor: ADMIN.username,
      target: publishedVersion,
      detail: { kind: 'catalog', previousVersion: shippedVersion, items: 67, catalogVersion: '2026.12-test' },
    });
    expect(audit.body.entries.some((entry) => entry.action === 'catalog.upload')).toBe(true);
  });

  it('opens the published version after a restart, and rolls back to the previous one atomically', async () => {
    await harness.stop();
    harness = await harness.restart();
    expect((await health()).indexVersion).toBe(publishedVersion);
    expect((await ask(foodWindowQuestion)).body.answer).toContain('A08');

    const client = await admin();
    const live = await client.post<{ error: { code: string } }>(
      `/api/v1/admin/catalog/versions/${publishedVersion}/rollback`,
    );
    expect(live.status).toBe(409);
    expect(live.body.error.code).toBe('VERSION_ALREADY_LIVE');
    expect(
      (await client.post('/api/v1/admin/catalog/versions/20990101-000000-000-abcd/rollback')).status,
    ).toBe(404);

    const rolledBack = await client.post<{ version: string; previousVersion: string }>(
      `/api/v1/admin/catalog/versions/${shippedVersion}/rollback`,
    );
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body).toEqual({ version: shippedVersion, previousVersion: publishedVersion });
    expect((await health()).indexVersion).toBe(shippedVersion);
    expect((await ask(foodWindowQuestion)).body.answer).toContain('A06');
    expect((await ask('大厅哪里可以给手机充电')).body.answer).toContain('充电宝');
    expect(await readCurrentVersion(harness.server.services.settings.indexDir)).toBe(shippedVersion);

    const audit = await client.get<{
      entries: Array<{ action: string; actor: string; target?: string; detail?: Record<string, unknown> }>;
    }>('/api/v1/staff/audit');
    expect(audit.body.entries.find((entry) => entry.action === 'index.rollback')).toMatchObject({
      actor: ADMIN.username,
      target: shippedVersion,
      detail: { previousVersion: publishedVersion, items: 67 },
    });
    // The history still knows who published the version rolled away from.
    const versions = await client.get<{
      versions: Array<{ version: string; live: boolean; publishedBy?: string }>;
    }>('/api/v1/admin/catalog/versions');
    expect(versions.body.versions.find((entry) => entry.version === publishedVersion)).toMatchObject({
      live: false,
      publishedBy: ADMIN.username,
    });
    expect(versions.body.versions.find((entry) => entry.version === shippedVersion)?.live).toBe(true);
  });
});

describe('hall layout management', () => {
  it('validates, compares, publishes and rolls back a hall layout', async () => {
    const client = await admin();
    const invalid = shippedHall();
    invalid.zones[0].windows.push('X99');
    const rejected = await upload(client, 'hall', 'hall.json', Buffer.from(JSON.stringify(invalid)));
    expect(rejected.status).toBe(201);
    expect(rejected.body.draft.publishable).toBe(false);
    expect(rejected.body.draft.report.errors.map((issue) => issue.message).join('\n')).toContain('X99');
    expect((await client.post(`/api/v1/admin/catalog/drafts/${rejected.body.draft.id}/publish`)).status).toBe(
      422,
    );

    // A window removed that items still name is a warning, not an error.
    const withoutA08 = shippedHall();
    withoutA08.windows = withoutA08.windows.filter((window) => window.id !== 'A08');
    for (const zone of withoutA08.zones) zone.windows = zone.windows.filter((id) => id !== 'A08');
    const warned = await upload(client, 'hall', 'hall.json', Buffer.from(JSON.stringify(withoutA08)));
    expect(warned.body.draft.publishable).toBe(true);
    expect(warned.body.draft.report.warnings.map((issue) => issue.message).join('\n')).toContain('A08');

    const changed = shippedHall();
    changed.phone = '0531-00000000';
    changed.windows.push({
      ...changed.windows.find((window) => window.id === 'A08')!,
      id: 'A09',
      name: '企业开办综合窗口',
    });
    changed.zones.find((zone) => zone.windows.includes('A08'))!.windows.push('A09');
    const uploaded = await upload(client, 'hall', '大厅布局.json', Buffer.from(JSON.stringify(changed)));
    expect(uploaded.body.draft.publishable).toBe(true);
    const diff = await client.get<{
      hall: {
        hall: Array<{ field: string; before: string; after: string }>;
        windows: { added: Array<{ id: string }>; removed: unknown[] };
        zones: { changed: Array<{ changes: Array<{ field: string; addedLines?: string[] }> }> };
      };
    }>(`/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/diff`);
    expect(diff.body.hall.hall).toEqual([
      expect.objectContaining({ field: 'phone', before: shippedHall().phone, after: '0531-00000000' }),
    ]);
    expect(diff.body.hall.windows.added.map((window) => window.id)).toEqual(['A09']);
    expect(diff.body.hall.zones.changed[0].changes[0]).toMatchObject({
      field: 'windows',
      addedLines: ['A09'],
    });

    const hallBefore = (await requestJson<{ hall: { phone: string } }>(`${harness.url}/api/v1/hall`)).body
      .hall;
    const versionBefore = (await health()).indexVersion;
    const started = await client.post<{ job: Job }>(
      `/api/v1/admin/catalog/drafts/${uploaded.body.draft.id}/publish`,
    );
    const finished = await waitForJob(client, started.body.job.id);
    expect(finished.status).toBe('succeeded');
    expect(
      (await requestJson<{ hall: { phone: string } }>(`${harness.url}/api/v1/hall`)).body.hall.phone,
    ).toBe('0531-00000000');
    // The catalog is carried over unchanged.
    expect((await ask(foodWindowQuestion)).body.answer).toContain('A06');

    const versions = await client.get<{ versions: Array<{ version: string; kind?: string }> }>(
      '/api/v1/admin/catalog/versions',
    );
    expect(versions.body.versions[0]).toMatchObject({ version: finished.version, kind: 'hall' });

    expect((await client.post(`/api/v1/admin/catalog/versions/${versionBefore}/rollback`)).status).toBe(200);
    expect(
      (await requestJson<{ hall: { phone: string } }>(`${harness.url}/api/v1/hall`)).body.hall.phone,
    ).toBe(hallBefore.phone);
  });
});

export type { JsonResponse };
