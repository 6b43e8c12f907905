/**
 * 好差评 and analytics over real HTTP: a poor rating opens a rectification case with a 15-working-day
 * deadline; analytics report volume, top items, knowledge gaps, escalation rate and satisfaction,
 * with CSV export, and never show personal data.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, requestJson } from '../../helpers/server-clients.ts';

const harness = useHarness();

describe('ratings and analytics', () => {
  it('turns a poor rating into a rectification case and reports it', async () => {
    const chat = await ChatClient.open(harness.url, 'rating-session-0001');
    chat.send({ type: 'hello' });
    const answer = await chat.ask('结婚登记要带什么');
    chat.send({ type: 'rate', target: 'answer', targetId: answer.messageId, level: '满意' });
    const good = await chat.next((event) => event.type === 'rated');
    expect(good.caseNumber).toBeUndefined();

    chat.send({
      type: 'rate',
      target: 'conversation',
      level: '非常不满意',
      comment: '说得不清楚，电话13698765432',
    });
    const poor = await chat.next((event) => event.type === 'rated');
    expect(poor.caseNumber).toMatch(/^ZG\d{8}-\d{4}-[A-Z][A-Z2-9]{3}$/);
    await chat.close();

    // An unknown answer id is refused.
    const wrongTarget = await requestJson(`${harness.url}/api/v1/ratings`, {
      body: { sessionId: 'rating-session-0001', target: 'answer', targetId: '999999', level: '满意' },
    });
    expect(wrongTarget.status).toBe(404);
    const badLevel = await requestJson(`${harness.url}/api/v1/ratings`, {
      body: { sessionId: 'rating-session-0001', target: 'conversation', level: '很好' },
    });
    expect(badLevel.status).toBe(400);

    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const detail = await staff.get<{
      case: { category: string; acceptedDate: string; deadline: string; description: string };
    }>(`/api/v1/staff/cases/${poor.caseNumber as string}`);
    expect(detail.body.case.category).toBe('整改');
    expect(detail.body.case.description).not.toContain('13698765432');
    const calendar = (await import('../../../bot/calendar/working-calendar.ts')).loadWorkingCalendar();
    expect(detail.body.case.deadline).toBe(calendar.addWorkingDays(detail.body.case.acceptedDate, 15));

    const ratings = await staff.get<{ ratings: Array<{ level: string; comment?: string }> }>(
      '/api/v1/staff/ratings?level=非常不满意',
    );
    expect(ratings.body.ratings).toHaveLength(1);
    expect(ratings.body.ratings[0].comment).toContain('136****5432');
  });

  it('reports volume, top items, gaps, escalation rate and satisfaction, and exports CSV', async () => {
    for (const [sessionId, question] of [
      ['analytics-session-01', '营业执照怎么办'],
      ['analytics-session-02', '营业执照要带什么'],
      ['analytics-session-03', '火星签证怎么办理 13512345678'],
    ]) {
      await requestJson(`${harness.url}/api/v1/ask`, { body: { sessionId, question } });
    }
    await requestJson(`${harness.url}/api/v1/cases`, {
      body: { sessionId: 'analytics-session-03', category: '咨询转人工', consent: true },
    });

    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const report = await staff.get<{
      totals: { questions: number; conversations: number };
      escalationRate: number;
      topItems: Array<{ itemName: string; count: number }>;
      gaps: Array<{ question: string }>;
      satisfaction: { byItem: unknown[]; byZone: unknown[] };
      dailyVolume: unknown[];
    }>('/api/v1/staff/analytics');
    expect(report.status).toBe(200);
    expect(report.body.totals.questions).toBeGreaterThanOrEqual(4);
    expect(report.body.dailyVolume.length).toBeGreaterThanOrEqual(1);
    expect(report.body.topItems[0].count).toBeGreaterThanOrEqual(2);
    expect(report.body.escalationRate).toBeGreaterThan(0);
    expect(report.body.satisfaction.byItem.length).toBeGreaterThan(0);
    expect(JSON.stringify(report.body)).not.toContain('13512345678');

    const csv = await fetch(`${harness.url}/api/v1/staff/analytics.csv?report=items`, {
      headers: { cookie: (await loginCookie()) ?? '' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte-order mark first, so spreadsheet tools read the Chinese headers correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('事项编码,事项名称')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
  });
});

async function loginCookie(): Promise<string | undefined> {
  const response = await fetch(`${harness.url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  return response.headers.get('set-cookie')?.split(';')[0];
}
