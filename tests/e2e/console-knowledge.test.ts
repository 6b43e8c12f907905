/**
 * The knowledge base in the console, end to end in real Chromium against the real server: a staff
 * reply in a case becomes knowledge in one click (转为知识, prefilled with the citizen's question),
 * staff add an example question and publish; a citizen's rewording is then answered with it; the
 * knowledge page lists, searches, edits and retires it, with its hits; gaps are dismissed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { StaffClient, requestJson } from '../helpers/server-clients.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';

const QUESTION = '大厅里能不能寄存行李箱';
const REPLY = '可以。综合咨询台免费代为寄存行李，请在当天下班前领回。';

let server: TestServer;
let staff: BrowserSession;
let caseNumber = '';

interface Asked {
  answer: string;
  citations: Array<{ source: string }>;
}
const ask = async (question: string) =>
  (await requestJson<Asked>(`${server.url}/api/v1/ask`, { body: { question } })).body;

beforeAll(async () => {
  server = await startTestServer();
  staff = await openBrowser({ viewport: { width: 1366, height: 900 } });
  // A citizen's question, a case opened with consent, and a staff reply in it (over HTTP).
  const asked = await requestJson<{ sessionId: string }>(`${server.url}/api/v1/ask`, {
    body: { question: QUESTION },
  });
  const opened = await requestJson<{ number: string }>(`${server.url}/api/v1/cases`, {
    body: { sessionId: asked.body.sessionId, consent: true, category: '咨询转人工' },
  });
  caseNumber = opened.body.number;
  const client = new StaffClient(server.url);
  await client.login(STAFF_USERNAME, STAFF_PASSWORD);
  await client.post(`/api/v1/staff/cases/${caseNumber}/reply`, { text: REPLY });
  await ask('给我讲个笑话吧');
});

afterAll(async () => {
  await staff?.close();
  await server?.close();
});

describe('console knowledge base', () => {
  it('turns a case reply into knowledge in one click, found afterwards by a rewording', async () => {
    const { page } = staff;
    await page.goto(`${server.url}/console`);
    await page.getByLabel('用户名').fill(STAFF_USERNAME);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    await page.goto(`${server.url}/console#/cases/${caseNumber}`);
    await page.getByRole('heading', { name: `工单 ${caseNumber}` }).waitFor();
    await page.getByRole('button', { name: '将这条答复转为知识' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: '将这条答复转为知识' }).click();
    const form = page.getByRole('form', { name: '新建知识' });
    await form.waitFor();
    const examples = form.getByRole('textbox', { name: '例句' });
    expect(await examples.first().inputValue()).toBe(QUESTION);
    expect(await form.getByLabel('答案').inputValue()).toBe(REPLY);
    await form.getByRole('button', { name: '添加例句' }).click();
    await examples.nth(1).fill('行李放哪里保管');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await form.getByRole('button', { name: '发布到知识库' }).click();

    const card = page.locator('.knowledge-entry').filter({ hasText: QUESTION });
    await card.waitFor();
    expect(await card.textContent()).toContain(`来自工单 ${caseNumber}`);
    expect(await card.textContent()).toContain('行李放哪里保管');

    const answered = await ask('行李能寄存吗');
    expect(answered.answer).toContain('代为寄存行李');
    expect(answered.citations.some((citation) => citation.source === 'knowledge')).toBe(true);
    expect((await ask('营业执照怎么办理')).answer).not.toContain('寄存');
  });

  it('lists, searches, edits and retires entries, with their hits', async () => {
    const { page } = staff;
    // Opened afresh: the hit came after the page was shown.
    await page.getByRole('link', { name: '工单' }).click();
    await page.getByRole('link', { name: '知识库' }).click();
    await page.getByRole('heading', { name: '知识库', level: 1 }).waitFor();
    const card = page.locator('.knowledge-entry').filter({ hasText: QUESTION });
    await expect.poll(() => card.textContent()).toContain('命中 1 次');

    await page.getByRole('searchbox', { name: '搜索' }).fill('护照');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.locator('.knowledge-entry').count()).toBe(0);
    await page.getByRole('searchbox', { name: '搜索' }).fill('行李');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await card.waitFor();

    await card.getByRole('button', { name: `编辑“${QUESTION}”` }).click();
    const form = page.getByRole('form', { name: '编辑知识' });
    await form.getByRole('button', { name: '删除例句“行李放哪里保管”' }).click();
    await form.getByLabel('答案').fill('可以。综合咨询台免费代为寄存行李箱，请在当天 17:00 前领回。');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await form.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => card.textContent()).toContain('17:00 前领回');
    expect(await card.textContent()).not.toContain('行李放哪里保管');
    expect((await ask('行李能寄存吗')).answer).toContain('17:00 前领回');

    await card.getByRole('button', { name: `停用“${QUESTION}”` }).click();
    await expect.poll(() => page.locator('.knowledge-entry').count()).toBe(0);
    await page.getByRole('combobox', { name: '状态' }).selectOption('retired');
    await expect.poll(() => card.textContent()).toContain('已停用');
    expect((await ask('行李能寄存吗')).answer).not.toContain('代为寄存');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('dismisses a gap, which then leaves the list', async () => {
    const { page } = staff;
    await page.getByRole('link', { name: '知识缺口' }).click();
    const gap = page.getByRole('form', { name: '给我讲个笑话吧' });
    await gap.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await gap.getByRole('button', { name: '忽略“给我讲个笑话吧”' }).click();
    await expect.poll(() => gap.getByRole('status').textContent()).toContain('已忽略');
    await page.reload();
    await page.getByRole('heading', { name: '知识缺口' }).waitFor();
    await page.getByText(/组未解答的问题|暂无未解答的问题/).waitFor();
    await expect.poll(() => page.getByRole('form', { name: '给我讲个笑话吧' }).count()).toBe(0);
  });
});
