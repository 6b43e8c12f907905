/**
 * The guide's voice over real HTTP with the real speech engine: WAV audio with a RIFF header, the
 * lip-sync track of the same audio, the plan of a long answer, the server cache and the browser's
 * revalidation (ETag → 304 without synthesis), the length limit, personal numbers never spoken,
 * and the per-address budget of syntheses. The clock stands still, so no budget refills.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const MAX_CHARS = 80;
const SYNTHESES_PER_MINUTE = 8;

let harness: Harness;
const stderr: string[] = [];
beforeAll(async () => {
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk, ...rest) => {
    stderr.push(String(chunk));
    return write(chunk, ...(rest as []));
  });
  harness = await startHarness({
    clock: () => new Date('2026-12-02T10:00:00+08:00'),
    settings: {
      limits: { ipPerMinute: 10_000 },
      speech: { maxChars: MAX_CHARS, cacheMb: 8, synthesisIpPerMinute: SYNTHESES_PER_MINUTE },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
  vi.restoreAllMocks();
});

const speechUrl = (path: string, text: string) =>
  `${harness.url}/api/v1/speech${path}?text=${encodeURIComponent(text)}`;

const riff = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 4)).toString('latin1');
const wave = (bytes: Uint8Array) => Buffer.from(bytes.subarray(8, 12)).toString('latin1');

type Track = { text: string; duration: number; visemes: { t: number; shape: string; syllable: string }[] };

describe('GET /api/v1/speech', () => {
  it('speaks Chinese text with digits and window codes as audio/wav, cached by text', async () => {
    const url = speechUrl('', '请到C14-C16号窗口办理，承诺时限20个工作日。');
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(riff(bytes)).toBe('RIFF');
    expect(wave(bytes)).toBe('WAVE');
    // A second of 16-bit audio at 22 kHz is 44 kB; this sentence is longer than that.
    expect(bytes.length).toBeGreaterThan(44_000);
    expect(Number(first.headers.get('x-speech-duration'))).toBeGreaterThan(1);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age=');

    const again = await fetch(url);
    expect(again.headers.get('etag')).toBe(tag);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const revalidated = await fetch(url, { headers: { 'if-none-match': tag ?? '' } });
    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
  });

  it('gives the lip-sync track of the same audio: in time order, within it, ending at rest', async () => {
    const text = '社保卡补办，请带身份证原件。';
    const audio = await fetch(speechUrl('', text));
    const duration = Number(audio.headers.get('x-speech-duration'));
    const track = await requestJson<Track>(speechUrl('/visemes', text));
    expect(track.status).toBe(200);
    expect(track.body.duration).toBe(duration);
    const times = track.body.visemes.map((viseme) => viseme.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(duration);
    expect(track.body.visemes.at(-1)?.shape).toBe('rest');
    const syllables = new Set(track.body.visemes.map((viseme) => viseme.syllable));
    for (const syllable of ['she', 'bao', 'ka', 'shen', 'fen', 'zheng']) {
      expect(syllables).toContain(syllable);
    }
    // The comma is a pause: the mouth rests between 办 and 请.
    const shapes = track.body.visemes.map((viseme) => viseme.shape);
    expect(shapes.slice(1, -1)).toContain('rest');
    expect(track.headers.get('etag')).not.toBe(audio.headers.get('etag'));
  });

  it('plans a long answer sentence by sentence, each with its own audio and track', async () => {
    const answer =
      '**所需材料**：\n1. 身份证原件\n2. 户口簿（复印件1份）\n办理地点：3楼B区，详见 https://example.gov.cn/x 。';
    const plan = await requestJson<{
      text: string;
      sentences: { index: number; text: string; audioUrl: string; visemesUrl: string }[];
    }>(speechUrl('/plan', answer));
    expect(plan.status).toBe(200);
    expect(plan.body.sentences.map((sentence) => sentence.text)).toEqual([
      '所需材料',
      '身份证原件',
      '户口簿，复印件一份',
      '办理地点：三楼B区。',
    ]);
    expect(plan.body.text).not.toMatch(/https|\*|\d/);
    const third = plan.body.sentences[2];
    expect(third.index).toBe(2);
    const audio = await fetch(`${harness.url}${third.audioUrl}`);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    const track = await requestJson<Track>(`${harness.url}${third.visemesUrl}`);
    expect(track.body.text).toBe(third.text);
    expect(track.body.duration).toBe(Number(audio.headers.get('x-speech-duration')));
  });

  it('keeps the first sentence of a plan short, and each sentence is its own text', async () => {
    const plan = await requestJson<{ sentences: { text: string; audioUrl: string }[] }>(
      speechUrl('/plan', '不动产转移登记请到3楼A区，办理时间9:00-12:00。'),
    );
    expect(plan.body.sentences.map((sentence) => sentence.text)).toEqual([
      '不动产转移登记请到三楼A区',
      '办理时间九点到十二点。',
    ]);
    const whole = await requestJson<{ text: string }>(speechUrl('/visemes', plan.body.sentences[0].text));
    expect(whole.body.text).toBe('不动产转移登记请到三楼A区');
  });

  it('never speaks a mobile or ID number, and names it as withheld', async () => {
    const plan = await requestJson<{ text: string }>(
      speechUrl('/plan', '您登记的手机号13812345678，身份证号110101199003071234。'),
    );
    expect(plan.body.text).toBe('您登记的手机号已隐去，身份证号已隐去。');
  });

  it('refuses an over-long or unspeakable text with a 400 in Chinese', async () => {
    const long = await requestJson<{ error: { code: string; message: string } }>(
      speechUrl('', '请'.repeat(MAX_CHARS + 1)),
    );
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain(`朗读内容不超过 ${MAX_CHARS} 字`);
    const missing = await requestJson<{ error: { code: string } }>(`${harness.url}/api/v1/speech`);
    expect(missing.status).toBe(400);
    const empty = await requestJson<{ error: { code: string; message: string } }>(
      speechUrl('', 'https://example.gov.cn/apply'),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('SPEECH_TEXT_EMPTY');
  });

  it('limits syntheses per address, while cached sentences are still served', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < SYNTHESES_PER_MINUTE + 1; index += 1) {
      const response = await fetch(speechUrl('', `第${index + 1}个号码请到窗口。`));
      await response.arrayBuffer();
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    const cached = await fetch(speechUrl('', '社保卡补办，请带身份证原件。'));
    expect(cached.status).toBe(200);
  });

  it('keeps the engine quiet on the server console', () => {
    expect(stderr.join('')).not.toMatch(/wasm|falling back/i);
  });
});
