/**
 * The hall screen's speaking guide in real Chromium against the real server (autoplay allowed, as
 * on a kiosk): a visitor taps a common question, the card shows, the guide fetches the spoken
 * sentences from the speech endpoint and plays them, its drawn mouth takes several shapes while the
 * audio plays and rests after, and the caption follows each spoken sentence (never the greeting
 * while the answer shows). A tap interrupts it. Portrait 1080×1920 and landscape; axe finds nothing
 * serious. When the server's speech fails the browser's voice reads instead, the mouth following
 * the syllables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const GREETING = '您好，我是导办小助手，请问您要办什么事？';
const KIOSK_ARGS = ['--autoplay-policy=no-user-gesture-required', '--mute-audio'];

interface Sample {
  shape: string;
  sync: string;
  state: string;
  caption: string;
}

interface Played {
  src: string;
  playing: boolean;
  ended: boolean;
  paused: boolean;
}

let server: TestServer;

/** Records every play() of an audio element, and every change of the mouth, state and caption. */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { plays: [] as Played[], samples: [] as Sample[] };
    (window as unknown as { guideRecord: typeof record }).guideRecord = record;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      const entry = { src: this.src, playing: false, ended: false, paused: false };
      record.plays.push(entry);
      this.addEventListener('playing', () => (entry.playing = true));
      this.addEventListener('ended', () => (entry.ended = true));
      this.addEventListener('pause', () => (entry.paused = true));
      return play.call(this);
    };
    const sample = () => {
      const avatar = document.querySelector('.avatar');
      const mouth = document.querySelector('.avatar-mouth');
      if (!avatar || !mouth) return;
      const next = {
        shape: mouth.getAttribute('data-shape') ?? '',
        sync: mouth.getAttribute('data-sync') ?? '',
        state: avatar.getAttribute('data-state') ?? '',
        caption: avatar.querySelector('.avatar-caption')?.textContent ?? '',
      };
      const last = record.samples.at(-1);
      if (
        !last ||
        last.shape !== next.shape ||
        last.sync !== next.sync ||
        last.state !== next.state ||
        last.caption !== next.caption
      ) {
        record.samples.push(next);
      }
    };
    new MutationObserver(sample).observe(document, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
  });
}

const record = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { guideRecord: { plays: Played[]; samples: Sample[] } }).guideRecord,
  );

const resetRecord = (page: Page) =>
  page.evaluate(() => {
    const target = (window as unknown as { guideRecord: { plays: Played[]; samples: Sample[] } }).guideRecord;
    target.plays.length = 0;
    target.samples.length = 0;
  });

const state = (page: Page) => page.locator('.avatar').getAttribute('data-state');

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('the speaking guide on the hall screen', () => {
  let browser: BrowserSession;
  const plans: Array<{ text: string; sentences: Array<{ text: string; audioUrl: string }> }> = [];
  const audioTypes: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser({ viewport: { width: 1080, height: 1920 }, args: KIOSK_ARGS });
    const { page } = browser;
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/v1/speech/plan' && response.ok()) {
        void response.json().then((plan: (typeof plans)[number]) => plans.push(plan));
      }
      if (url.pathname === '/api/v1/speech') audioTypes.push(response.headers()['content-type'] ?? '');
    });
    await instrument(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('speaks the start of the answer in portrait, the mouth moving with the audio and resting after', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: '结婚登记要带什么' }).waitFor();
    expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    await resetRecord(page);
    await page.getByRole('button', { name: '结婚登记要带什么' }).click();
    await page.locator('.answer-text').waitFor();
    const answerText = (await page.locator('.answer-text').textContent()) ?? '';
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
    await page.waitForFunction(
      () =>
        ['open', 'wide'].includes(document.querySelector('.avatar-mouth')?.getAttribute('data-shape') ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    await saveScreenshot(page, 'kiosk-guide-portrait');
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('idle');

    const { plays, samples } = await record(page);
    // The audio came from the speech endpoint as WAV and played to its end.
    const plan = plans.find((entry) => entry.text !== GREETING);
    expect(plan).toBeDefined();
    expect(audioTypes.some((type) => type.startsWith('audio/wav'))).toBe(true);
    expect(plays.length).toBe(plan!.sentences.length);
    expect(plays.every((entry) => entry.playing && entry.ended)).toBe(true);
    // The spoken version is short: the answer's start, not the whole card.
    expect(plan!.sentences.length).toBeLessThanOrEqual(4);
    expect(Array.from(plan!.text).length).toBeLessThan(Array.from(answerText).length + 1);

    // The mouth took several shapes while speaking and rests now.
    const spoken = samples.filter((entry) => entry.state === 'speaking');
    const shapes = new Set(spoken.map((entry) => entry.shape).filter((shape) => shape !== 'rest'));
    expect(shapes.size).toBeGreaterThanOrEqual(3);
    expect(new Set(spoken.map((entry) => entry.sync).filter(Boolean))).toEqual(new Set(['track']));
    expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    // The path drawn follows the shape (an open mouth is not the resting line).
    expect(await page.locator('.avatar-mouth').getAttribute('d')).toMatch(/^M/);

    // The caption showed each spoken sentence in turn, and never the greeting once the answer showed.
    const captions = [...new Set(spoken.map((entry) => entry.caption))];
    for (const sentence of plan!.sentences) expect(captions).toContain(sentence.text);
    expect(samples.filter((entry) => entry.state !== 'thinking').map((entry) => entry.caption)).not.toContain(
      GREETING,
    );
    expect(await page.locator('.avatar-caption').textContent()).not.toBe(GREETING);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('stops speaking when the visitor taps the guide', async () => {
    const { page } = browser;
    await resetRecord(page);
    await page.getByRole('button', { name: '← 返回首页' }).click();
    await page.getByRole('button', { name: '补办社保卡' }).click();
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
    await expect
      .poll(async () => (await record(page)).samples.some((entry) => entry.shape !== 'rest'), {
        timeout: 20_000,
      })
      .toBe(true);
    const caption = await page.locator('.avatar-caption').textContent();
    await page.locator('.avatar-figure').click();
    await expect.poll(() => state(page)).toBe('idle');
    expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    const { plays } = await record(page);
    expect(plays.at(-1)?.paused).toBe(true);
    expect(plays.at(-1)?.ended).toBe(false);
    // The caption keeps what was being said, not the greeting.
    expect(await page.locator('.avatar-caption').textContent()).not.toBe(GREETING);
    expect(caption).not.toBe(GREETING);
  });

  it('is interrupted by a tap anywhere on the screen too', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '← 返回首页' }).click();
    await expect.poll(() => page.locator('.avatar-caption').textContent()).toBe(GREETING);
    await page.getByRole('button', { name: '办护照要什么材料' }).click();
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
    await page.mouse.click(540, 1880);
    await expect.poll(() => state(page)).toBe('idle');
    expect((await record(page)).plays.at(-1)?.paused).toBe(true);
  });
});

describe('the guide in landscape', () => {
  it('speaks and rests in 1920×1080, with nothing serious for axe', async () => {
    const browser = await openBrowser({ viewport: { width: 1920, height: 1080 }, args: KIOSK_ARGS });
    try {
      const { page } = browser;
      await instrument(page);
      await page.goto(`${server.url}/kiosk`);
      await page.getByRole('button', { name: '新生儿怎么上户口' }).click();
      await page.locator('.answer-text').waitFor();
      await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
      const box = await page.locator('.avatar-figure').boundingBox();
      expect(box && box.width > 150 && box.y + box.height <= 1080).toBe(true);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await expect.poll(() => state(page), { timeout: 60_000 }).toBe('idle');
      const { samples } = await record(page);
      expect(new Set(samples.map((entry) => entry.shape)).size).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    } finally {
      await browser.close();
    }
  });
});

describe('when the lip-sync track is missing', () => {
  it("moves the mouth with the audio's loudness", async () => {
    const browser = await openBrowser({ viewport: { width: 1080, height: 1920 }, args: KIOSK_ARGS });
    try {
      const { page } = browser;
      await instrument(page);
      await page.route('**/api/v1/speech/visemes?*', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }),
      );
      await page.goto(`${server.url}/kiosk`);
      await page.getByRole('button', { name: '个体户怎么注销' }).click();
      await page.locator('.answer-text').waitFor();
      await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
      await expect.poll(() => state(page), { timeout: 60_000 }).toBe('idle');
      const { plays, samples } = await record(page);
      expect(plays.length).toBeGreaterThan(0);
      expect(plays.every((entry) => entry.ended)).toBe(true);
      const speaking = samples.filter((entry) => entry.state === 'speaking');
      expect(
        new Set(speaking.map((entry) => entry.shape).filter((shape) => shape !== 'rest')).size,
      ).toBeGreaterThanOrEqual(2);
      expect(new Set(speaking.map((entry) => entry.sync).filter(Boolean))).toEqual(new Set(['loudness']));
      expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    } finally {
      await browser.close();
    }
  });
});

describe('when the server cannot speak', () => {
  it("reads with the browser's zh-CN voice, the mouth following the syllables", async () => {
    const browser = await openBrowser({ viewport: { width: 1080, height: 1920 }, args: KIOSK_ARGS });
    try {
      const { page } = browser;
      await instrument(page);
      // A browser voice that reports its start and end, as a kiosk with a Chinese voice installed does.
      await page.addInitScript(() => {
        const spoken: string[] = [];
        (window as unknown as { spokenByBrowser: string[] }).spokenByBrowser = spoken;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let currentUtterance: SpeechSynthesisUtterance | undefined;
        const fake = {
          getVoices: () => [
            { lang: 'zh-CN', name: '普通话', default: true, localService: true, voiceURI: 'zh' },
          ],
          speak(utterance: SpeechSynthesisUtterance) {
            spoken.push(utterance.text);
            currentUtterance = utterance;
            setTimeout(() => utterance.onstart?.(new Event('start') as SpeechSynthesisEvent), 10);
            timer = setTimeout(
              () => utterance.onend?.(new Event('end') as SpeechSynthesisEvent),
              Array.from(utterance.text).length * 200,
            );
          },
          cancel() {
            clearTimeout(timer);
            currentUtterance?.onend?.(new Event('end') as SpeechSynthesisEvent);
            currentUtterance = undefined;
          },
        };
        Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
      });
      await page.route('**/api/v1/speech/plan?*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'SPEECH_UNAVAILABLE', message: '语音暂不可用' } }),
        }),
      );
      await page.goto(`${server.url}/kiosk`);
      await page.getByRole('button', { name: '二手房过户怎么办' }).click();
      await page.locator('.answer-text').waitFor();
      await expect.poll(() => state(page), { timeout: 20_000 }).toBe('speaking');
      await expect.poll(() => state(page), { timeout: 60_000 }).toBe('idle');
      const spoken = await page.evaluate(
        () => (window as unknown as { spokenByBrowser: string[] }).spokenByBrowser,
      );
      expect(spoken.length).toBe(1);
      const { plays, samples } = await record(page);
      expect(plays).toEqual([]);
      const speaking = samples.filter((entry) => entry.state === 'speaking');
      expect(speaking.map((entry) => entry.caption)).toContain(spoken[0]);
      expect(new Set(speaking.map((entry) => entry.sync).filter(Boolean))).toEqual(new Set(['syllables']));
      expect(
        new Set(speaking.map((entry) => entry.shape).filter((shape) => shape !== 'rest')).size,
      ).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.avatar-mouth').getAttribute('data-shape')).toBe('rest');
    } finally {
      await browser.close();
    }
  });
});

describe("the hall's own guide", () => {
  it('greets with the name the hall gives it', async () => {
    const browser = await openBrowser({ viewport: { width: 1080, height: 1920 }, args: KIOSK_ARGS });
    try {
      const { page } = browser;
      await page.route('**/api/v1/hall', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { hall: Record<string, unknown> };
        await route.fulfill({ response, json: { hall: { ...body.hall, guide: { name: '小起' } } } });
      });
      const warmed = page.waitForRequest((request) =>
        decodeURIComponent(request.url()).includes('/api/v1/speech/plan?text=您好，我是小起'),
      );
      await page.goto(`${server.url}/kiosk`);
      await expect
        .poll(() => page.locator('.avatar-caption').textContent())
        .toBe('您好，我是小起，请问您要办什么事？');
      await warmed;
      await page.getByRole('button', { name: '补办社保卡' }).click();
      await page.locator('.answer-text').waitFor();
      await page.getByRole('button', { name: '← 返回首页' }).click();
      await expect
        .poll(() => page.locator('.avatar-caption').textContent())
        .toBe('您好，我是小起，请问您要办什么事？');
    } finally {
      await browser.close();
    }
  });
});
