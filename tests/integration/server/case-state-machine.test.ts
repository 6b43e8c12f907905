/**
 * The case state machine as the API offers it: every case lists the actions its status allows,
 * 退回 sends an assigned case back to 受理 with a reason, actions outside the list are refused (409),
 * the default queue holds only open cases by deadline, filters by state, zone, category, assignee and
 * overdue work, and concluded cases carry no running deadline.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient } from '../../helpers/server-clients.ts';

const harness = useHarness();

interface Listed {
  number: string;
  status: string;
  actions: string[];
  overdue: boolean;
  workingDaysLeft?: number;
  assignee?: string;
}

async function openCase(user: string): Promise<string> {
  const citizen = await ChatClient.open(harness.url, user);
  citizen.send({ type: 'hello' });
  await citizen.next((event) => event.type === 'message');
  await citizen.ask('开饭店要办什么证');
  citizen.send({ type: 'escalate', category: '投诉', consent: true, description: '窗口说法不一' });
  const opened = await citizen.next((event) => event.type === 'case_opened');
  await citizen.close();
  return (opened.case as { number: string }).number;
}

describe('case state machine', () => {
  it('offers only the allowed actions, returns a case with a reason and refuses the rest', async () => {
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const number = await openCase('citizen-states-0001');
    const path = `/api/v1/staff/cases/${number}`;

    const detail = await staff.get<{ case: Listed }>(path);
    expect(detail.body.case.actions).toEqual(['claim', 'reply', 'transfer']);
    // 退回 needs an assigned case.
    const early = await staff.post<{ error: { code: string; message: string } }>(`${path}/return`, {
      note: '不属于本部门',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CASE_INVALID_TRANSITION');
    expect(early.body.error.message).toContain('受理');

    await staff.post(`${path}/transfer`, { department: '税务局' });
    expect((await staff.post(`${path}/return`, {})).status).toBe(400);
    const returned = await staff.post<{ case: Listed & { department?: string } }>(`${path}/return`, {
      note: '不属于本部门职责，请重新分办',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.case).toMatchObject({ status: '受理', actions: ['claim', 'reply', 'transfer'] });
    expect(returned.body.case.department).toBeUndefined();
    const history = await staff.get<{ history: Array<{ action: string; note?: string; toStatus?: string }> }>(
      path,
    );
    expect(history.body.history.at(-1)).toMatchObject({
      action: 'return',
      toStatus: '受理',
      note: '不属于本部门职责，请重新分办',
    });

    const claimed = await staff.post<{ case: Listed }>(`${path}/claim`);
    expect(claimed.body.case.actions).toEqual(['reply', 'transfer', 'resolve']);
    expect((await staff.post(`${path}/archive`)).status).toBe(409);
    const resolved = await staff.post<{ case: Listed }>(`${path}/resolve`, { note: '已答复' });
    expect(resolved.body.case).toMatchObject({ status: '办结', actions: ['follow-up'], overdue: false });
    // A concluded case has no running deadline (no 今天到期, no colour).
    expect(resolved.body.case.workingDaysLeft).toBeUndefined();
    await staff.post(`${path}/follow-up`, { result: '群众满意' });
    const archived = await staff.post<{ case: Listed }>(`${path}/archive`);
    expect(archived.body.case).toMatchObject({ status: '归档', actions: [], overdue: false });
    expect(archived.body.case.workingDaysLeft).toBeUndefined();
    expect((await staff.post(`${path}/reply`, { text: '补充说明' })).status).toBe(409);
  });

  it('lists open cases by default and filters by state, category, assignee and overdue', async () => {
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const open = await openCase('citizen-states-0002');
    const claimed = await openCase('citizen-states-0003');
    await staff.post(`/api/v1/staff/cases/${claimed}/claim`);
    const numbers = async (query: string) =>
      (await staff.get<{ cases: Listed[] }>(`/api/v1/staff/cases${query}`)).body.cases.map(
        (entry) => entry.number,
      );

    const byDefault = await staff.get<{ cases: Listed[] }>('/api/v1/staff/cases');
    expect(byDefault.body.cases.every((entry) => ['受理', '分办', '办理中'].includes(entry.status))).toBe(
      true,
    );
    expect(byDefault.body.cases.map((entry) => entry.number)).toEqual(
      expect.arrayContaining([open, claimed]),
    );
    const archived = (await staff.get<{ cases: Listed[] }>('/api/v1/staff/cases?status=归档')).body.cases;
    expect(archived.length).toBeGreaterThan(0);
    expect(byDefault.body.cases.some((entry) => entry.number === archived[0].number)).toBe(false);

    expect(await numbers('?status=all')).toEqual(expect.arrayContaining([open, claimed, archived[0].number]));
    expect(await numbers('?status=closed')).not.toContain(open);
    expect(await numbers(`?assignee=${ADMIN.username}&status=办理中`)).toEqual([claimed]);
    expect(await numbers('?assignee=nobody-here')).toEqual([]);
    expect(await numbers('?category=投诉')).toEqual(expect.arrayContaining([open, claimed]));
    expect(await numbers('?category=整改')).toEqual([]);
    expect(await numbers('?zone=不存在的专区')).toEqual([]);
    expect(await numbers('?overdue=1')).toEqual([]);

    const bad = await staff.get<{ error: { code: string; message: string } }>(
      '/api/v1/staff/cases?status=done',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('状态应为');
  });
});
