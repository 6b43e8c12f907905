import { describe, expect, it } from 'vitest';
import { durationOf, encodeWav, joinWav, parseWav, type PcmAudio } from '../../../../bot/speech/wav.ts';

const tone = (seconds: number, sampleRate = 22_050): PcmAudio => {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index += 1) {
    samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * index) / sampleRate));
  }
  return { sampleRate, channels: 1, samples };
};

describe('WAV files', () => {
  it('writes a RIFF WAVE header and reads the same samples back', () => {
    const audio = tone(0.5);
    const bytes = encodeWav(audio);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect(Buffer.from(bytes.subarray(8, 16)).toString('latin1')).toBe('WAVEfmt ');
    expect(bytes.length).toBe(44 + audio.samples.length * 2);
    const read = parseWav(bytes);
    expect(read.sampleRate).toBe(22_050);
    expect(read.channels).toBe(1);
    expect(Array.from(read.samples)).toEqual(Array.from(audio.samples));
    expect(durationOf(read)).toBeCloseTo(0.5, 3);
  });

  it('skips unknown chunks and reads a placeholder data size to the end of the file', () => {
    const plain = encodeWav(tone(0.1));
    const extra = new Uint8Array([...new TextEncoder().encode('LIST'), 3, 0, 0, 0, 1, 2, 3, 0]);
    const withList = new Uint8Array(plain.length + extra.length);
    withList.set(plain.subarray(0, 36));
    withList.set(extra, 36);
    withList.set(plain.subarray(36), 36 + extra.length);
    expect(parseWav(withList).samples.length).toBe(parseWav(plain).samples.length);

    const streamed = plain.slice();
    new DataView(streamed.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWav(streamed).samples.length).toBe(parseWav(plain).samples.length);
  });

  it('refuses what is not 16-bit PCM WAVE', () => {
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wave file'))).toThrow(/RIFF/);
    const eightBit = encodeWav(tone(0.01));
    new DataView(eightBit.buffer).setUint16(34, 8, true);
    expect(() => parseWav(eightBit)).toThrow(/16-bit/);
    expect(() => parseWav(encodeWav(tone(0.01)).subarray(0, 36))).toThrow(/data/);
  });

  it('joins parts of one format one after another', () => {
    const joined = joinWav([tone(0.2), tone(0.3)]);
    expect(durationOf(joined)).toBeCloseTo(0.5, 3);
    expect(() => joinWav([tone(0.1), tone(0.1, 16_000)])).toThrow(/format/);
  });
});
