/**
 * What the console's end-to-end tests share: signing a staff member into the console in Chromium,
 * a citizen who opens a case with consent over the websocket (as the widget does), and a counter of
 * the chimes the console plays (WebAudio oscillators started), installed before the page loads.
 */
import type { Page } from 'playwright-core';
import { ChatClient } from './server-clients.ts';
import { STAFF_PASSWORD, STAFF_USERNAME } from './browser-server.ts';

export async function signInToConsole(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByLabel('用户名').fill(STAFF_USERNAME);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工单队列' }).waitFor();
}

/** A citizen who asked a question and opened a case with consent; returns the chat and the number. */
export async function citizenWithCase(
  baseUrl: string,
  user: string,
  question: string,
  category = '办不成事反映',
): Promise<{ citizen: ChatClient; number: string }> {
  const citizen = await ChatClient.open(baseUrl, user);
  citizen.send({ type: 'hello' });
  await citizen.next((event) => event.type === 'message');
  await citizen.ask(question);
  citizen.send({ type: 'escalate', category, consent: true, description: '材料被退回两次' });
  const opened = await citizen.next((event) => event.type === 'case_opened');
  return { citizen, number: (opened.case as { number: string }).number };
}

/** Counts the chimes: each chime starts its tones on one gain node, counted once. */
export async function countChimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = window as unknown as { __chimes: number };
    counter.__chimes = 0;
    const original = AudioContext.prototype.createGain;
    AudioContext.prototype.createGain = function (this: AudioContext) {
      counter.__chimes += 1;
      return original.call(this);
    };
  });
}

export const chimes = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __chimes: number }).__chimes);
