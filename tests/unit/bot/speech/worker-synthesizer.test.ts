/**
 * The real speech engine in its worker thread: Mandarin WAV audio, sentences one after another,
 * no engine output on the server's console, no process handlers left behind in the server, and a
 * leading dash read as text, never as an engine option.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseWav, durationOf } from '../../../../bot/speech/wav.ts';
import { createWorkerSynthesizer } from '../../../../bot/speech/worker-synthesizer.ts';

const synthesizer = createWorkerSynthesizer();
afterAll(() => synthesizer.close());

describe('worker synthesizer', () => {
  it('speaks Mandarin sentences as 16-bit PCM WAV, quietly and without leaking handlers', async () => {
    const listeners = () =>
      process.listenerCount('unhandledRejection') + process.listenerCount('uncaughtException');
    const before = listeners();
    const printed: string[] = [];
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(capture);
    try {
      const [first, second] = await Promise.all([
        synthesizer.synthesize('您好，欢迎来到政务服务大厅。'),
        synthesizer.synthesize('请到三楼办理。'),
      ]);
      for (const wav of [first, second]) {
        const audio = parseWav(wav);
        expect(audio.channels).toBe(1);
        expect(durationOf(audio)).toBeGreaterThan(0.5);
      }
      expect(durationOf(parseWav(first))).toBeGreaterThan(durationOf(parseWav(second)));
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
    expect(printed.join('')).not.toMatch(/wasm|falling back/i);
    expect(listeners()).toBe(before);
  });

  it('reads a leading dash as text, not as an option of the engine', async () => {
    const wav = await synthesizer.synthesize('-v en 请稍候');
    expect(durationOf(parseWav(wav))).toBeGreaterThan(0.3);
  });

  it('gives up on a hung engine, ends its thread and starts a new one for the next sentence', async () => {
    const impatient = createWorkerSynthesizer({ timeoutMs: 1 });
    try {
      await expect(impatient.synthesize('请稍候。')).rejects.toMatchObject({
        code: 'SPEECH_UNAVAILABLE',
        message: 'synthesis timed out',
      });
    } finally {
      await impatient.close();
    }
    // After close the next sentence starts a thread again.
    await synthesizer.close();
    expect(durationOf(parseWav(await synthesizer.synthesize('好的。')))).toBeGreaterThan(0.2);
  });

  it('refuses sentences beyond its queue at once', async () => {
    const small = createWorkerSynthesizer({ maxQueued: 1 });
    try {
      const first = small.synthesize('请稍候。');
      await expect(small.synthesize('请稍候。')).rejects.toMatchObject({ code: 'SPEECH_UNAVAILABLE' });
      await first;
    } finally {
      await small.close();
    }
  });
});
