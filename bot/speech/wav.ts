/**
 * RIFF WAVE files of 16-bit PCM, as the speech engine writes them: reading the format and samples
 * (chunks walked by size, so extra chunks are skipped), writing a file from samples, and joining
 * the sentences of one answer into one file.
 */

export interface PcmAudio {
  sampleRate: number;
  channels: number;
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
}

export class WavFormatError extends Error {
  readonly code = 'WAV_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

const text = (bytes: Uint8Array, offset: number) =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Little-endian 16-bit samples; a plain copy where the machine is little-endian too. */
function readSamples(view: DataView, offset: number, count: number): Int16Array {
  if (LITTLE_ENDIAN) {
    const start = view.byteOffset + offset;
    return new Int16Array(view.buffer.slice(start, start + count * 2));
  }
  const samples = new Int16Array(count);
  for (let index = 0; index < count; index += 1) samples[index] = view.getInt16(offset + index * 2, true);
  return samples;
}

export function parseWav(bytes: Uint8Array): PcmAudio {
  if (bytes.length < 12 || text(bytes, 0) !== 'RIFF' || text(bytes, 8) !== 'WAVE') {
    throw new WavFormatError('not a RIFF WAVE file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { channels: number; sampleRate: number; bits: number; tag: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = text(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavFormatError('short fmt chunk');
      format = {
        tag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data before fmt');
      if (format.tag !== 1 || format.bits !== 16 || format.channels < 1 || format.sampleRate < 1) {
        throw new WavFormatError('only 16-bit PCM is supported');
      }
      // Engines that stream write a placeholder size: the data then runs to the end of the file.
      const end = Math.min(bytes.length, body + size);
      const count = Math.floor((end - body) / 2);
      return {
        sampleRate: format.sampleRate,
        channels: format.channels,
        samples: readSamples(view, body, count),
      };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('no data chunk');
}

/** Seconds of audio. */
export function durationOf(audio: PcmAudio): number {
  return audio.samples.length / audio.channels / audio.sampleRate;
}

export function encodeWav(audio: PcmAudio): Uint8Array {
  const dataBytes = audio.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const write = (offset: number, value: string) => {
    for (let index = 0; index < 4; index += 1) bytes[offset + index] = value.charCodeAt(index);
  };
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, audio.channels, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * audio.channels * 2, true);
  view.setUint16(32, audio.channels * 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let index = 0; index < audio.samples.length; index += 1) {
    view.setInt16(44 + index * 2, audio.samples[index], true);
  }
  return bytes;
}

/** One file of several with the same format, one after another. */
export function joinWav(parts: readonly PcmAudio[]): PcmAudio {
  if (parts.length === 0) throw new WavFormatError('nothing to join');
  const [first] = parts;
  if (parts.some((part) => part.sampleRate !== first.sampleRate || part.channels !== first.channels)) {
    throw new WavFormatError('parts differ in format');
  }
  const samples = new Int16Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { sampleRate: first.sampleRate, channels: first.channels, samples };
}
