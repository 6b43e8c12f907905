/**
 * The knowledge base over HTTP, as staff and citizens use it: an entry published in one wording is
 * found by a rewording that shares no phrase with it, and not by unrelated questions; an edit is
 * searchable at once; a retired entry is no longer answered; answers count as hits; gaps that are
 * dismissed or answered leave the gap list.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { StaffClient, requestJson } from '../../helpers/server-clients.ts';

interface Entry {
  id: string;
  question: string;
  questions: string[];
  answer: string;
  status: 'active' | 'retired';
  hits: number;
  updatedBy?: string;
  sourceCase?: string;
}
interface Asked {
  answer: string;
  intent: string;
  citations: Array<{ source: string; locator?: string }>;
}

const PARKING = '地下车库对前来办事的群众免费开放两小时。';

describe('knowledge entries', () => {
  const harness = useHarness();
  const ask = async (question: string) =>
    (await requestJson<Asked>(`${harness.url}/api/v1/ask`, { body: { question } })).body;
  const cites = (answer: Asked, id: string) =>
    answer.citations.some((citation) => citation.source === 'knowledge' && citation.locator === id);
  const signedIn = async () => {
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    return staff;
  };
  const put = (staff: StaffClient, route: string, body: unknown) =>
    requestJson<{ entry: Entry; error?: { message: string } }>(`${harness.url}${route}`, {
      method: 'PUT',
      body,
      headers: { cookie: staff.cookieHeader, 'x-csrf-token': staff.csrfToken },
    });

  it('finds an entry by a rewording, not by unrelated questions, and counts its hits', async () => {
    const staff = await signedIn();
    const created = await staff.post<{ entry: Entry }>('/api/v1/staff/knowledge', {
      questions: ['停车要不要钱'],
      answer: PARKING,
    });
    expect(created.status).toBe(201);
    const { id } = created.body.entry;

    // The rewording shares single characters with the example question, never a phrase.
    for (const question of ['把车停在哪里', '开车来的话车停哪儿']) {
      const answer = await ask(question);
      expect(answer.answer, question).toContain('免费开放两小时');
      expect(cites(answer, id)).toBe(true);
    }
    for (const question of ['营业执照怎么办理', '车辆停运怎么办理', '机动车驾驶证怎么换']) {
      const answer = await ask(question);
      expect(answer.answer, question).not.toContain('免费开放两小时');
    }

    const listed = await staff.get<{ entries: Entry[] }>('/api/v1/staff/knowledge?q=车库');
    expect(listed.body.entries.map((entry) => entry.id)).toEqual([id]);
    expect(listed.body.entries[0].hits).toBe(2);
    const none = await staff.get<{ entries: Entry[] }>('/api/v1/staff/knowledge?q=护照');
    expect(none.body.entries).toEqual([]);
  });

  it('re-indexes an edit at once and stops answering a retired entry', async () => {
    const staff = await signedIn();
    const { entry } = (
      await staff.post<{ entry: Entry }>('/api/v1/staff/knowledge', {
        questions: ['电瓶车在哪充电'],
        answer: '西门外有电动自行车充电桩，扫码付费。',
      })
    ).body;
    expect(cites(await ask('雨伞能借吗'), entry.id)).toBe(false);

    const edited = await put(staff, `/api/v1/staff/knowledge/${entry.id}`, {
      questions: ['电瓶车在哪充电', '下雨天可以借雨伞吗'],
      answer: '西门外有电动自行车充电桩；下雨天可在综合咨询台免费借用雨伞。',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.entry).toMatchObject({ questions: ['电瓶车在哪充电', '下雨天可以借雨伞吗'] });
    expect(edited.body.entry.updatedBy).toBe(ADMIN.username);
    const rain = await ask('雨伞能借吗');
    expect(cites(rain, entry.id)).toBe(true);
    expect(rain.answer).toContain('借用雨伞');

    const retired = await staff.post<{ entry: Entry }>(`/api/v1/staff/knowledge/${entry.id}/retire`);
    expect(retired.body.entry.status).toBe('retired');
    expect(cites(await ask('雨伞能借吗'), entry.id)).toBe(false);
    const active = await staff.get<{ entries: Entry[] }>('/api/v1/staff/knowledge?status=active');
    expect(active.body.entries.map((item) => item.id)).not.toContain(entry.id);
    const audit = await staff.get<{ entries: Array<{ action: string; target?: string }> }>(
      '/api/v1/staff/audit',
    );
    const actions = (audit.body.entries ?? [])
      .filter((row) => row.target === entry.id)
      .map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['knowledge.add', 'knowledge.update', 'knowledge.retire']),
    );
  });

  it('takes gaps off the list when dismissed or answered by a published entry', async () => {
    const staff = await signedIn();
    const noise = '给我背一首关于月亮的古诗';
    const real = '大厅能不能寄存行李箱';
    await ask(noise);
    await ask(real);
    const gaps = async () =>
      (await staff.get<{ gaps: Array<{ question: string }> }>('/api/v1/staff/gaps')).body.gaps.map(
        (gap) => gap.question,
      );
    expect(await gaps()).toEqual(expect.arrayContaining([noise, real]));

    const report = async () => String((await staff.get('/api/v1/staff/analytics.csv?report=gaps')).body);
    expect(await report()).toContain(noise);
    expect((await staff.post('/api/v1/staff/gaps/dismiss', { question: noise })).status).toBe(204);
    expect(await gaps()).not.toContain(noise);
    // The managers' report lists only the gaps still open, as the console does.
    expect(await report()).not.toContain(noise);
    expect(await report()).toContain(real);

    const published = await staff.post('/api/v1/staff/knowledge', {
      questions: ['行李箱可以寄存吗'],
      answer: '综合咨询台可代为寄存行李，当日办结后领回。',
      fromGap: real,
    });
    expect(published.status).toBe(201);
    expect(await gaps()).not.toContain(real);
  });

  it('refuses invalid input with a clear message and needs the CSRF token', async () => {
    const staff = await signedIn();
    const empty = await staff.post<{ error: { message: string } }>('/api/v1/staff/knowledge', {
      questions: [],
      answer: '答',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/例句|答案/);
    const long = await staff.post<{ error: { message: string } }>('/api/v1/staff/knowledge', {
      questions: ['问'.repeat(201)],
      answer: '这是答案。',
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('200');
    const missing = await staff.post<{ error: { message: string } }>('/api/v1/staff/knowledge', {
      questions: ['这个件是怎么回事'],
      answer: '这是答案。',
      fromCase: 'NO-SUCH-CASE',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('NO-SUCH-CASE');
    const forged = await staff.post(
      '/api/v1/staff/knowledge',
      { questions: ['没有令牌的请求'], answer: '不应发布。' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    const anonymous = await requestJson(`${harness.url}/api/v1/staff/knowledge`);
    expect(anonymous.status).toBe(401);
    const unknown = await staff.post('/api/v1/staff/knowledge/kb-unknown/retire');
    expect(unknown.status).toBe(404);
  });
});
