import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readMultipartFile } from '../../../../../bot/precheck/uploads/read-multipart-file.ts';
import { SNIFF_BYTES, sniffContentType } from '../../../../../bot/precheck/uploads/sniff-content-type.ts';
import { typeRejected, UploadError } from '../../../../../bot/precheck/uploads/upload-error.ts';

const BOUNDARY = 'x-boundary-91ab';

/** A request body still being sent: nothing ends it unless the test does. */
function openRequest(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  const stream = new PassThrough() as PassThrough & IncomingMessage;
  stream.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers };
  return stream;
}

const part = (field: string, name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
  'Content-Type: image/jpeg\r\n\r\n';

const checkHead = {
  headBytes: SNIFF_BYTES,
  check: (head: Buffer) => (sniffContentType(head) ? undefined : typeRejected()),
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'read';
  } catch (error) {
    return error instanceof UploadError ? error.code : String(error);
  }
};

describe('readMultipartFile', () => {
  it('reads the one file of a form', async () => {
    const request = openRequest();
    const reading = readMultipartFile(request, { maxBytes: 1024, checkHead });
    request.end(`${part('file', 'a.pdf')}%PDF-1.7 hello\r\n--${BOUNDARY}--\r\n`);
    expect((await reading).toString()).toBe('%PDF-1.7 hello');
  });

  it('refuses a file of the wrong type from its first bytes, while the rest is still being sent', async () => {
    const request = openRequest();
    const reading = readMultipartFile(request, { maxBytes: 1024 * 1024, checkHead });
    request.write(part('file', 'id.jpg'));
    request.write(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(await codeOf(reading)).toBe('UPLOAD_TYPE_REJECTED');
    request.destroy();
  });

  it('checks a file shorter than the signature when it ends', async () => {
    const request = openRequest();
    const reading = readMultipartFile(request, { maxBytes: 1024, checkHead });
    request.end(`${part('file', 'a.jpg')}MZ\r\n--${BOUNDARY}--\r\n`);
    expect(await codeOf(reading)).toBe('UPLOAD_TYPE_REJECTED');
  });

  it('stops at the size limit while the body is still being sent', async () => {
    const request = openRequest();
    const reading = readMultipartFile(request, { maxBytes: 1000, checkHead });
    request.write(part('file', 'a.jpg'));
    request.write(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2000)]));
    expect(await codeOf(reading)).toBe('UPLOAD_TOO_LARGE');
    request.destroy();
  });

  it('refuses a declared length far over the limit before reading, and a body that is not a form', async () => {
    const declared = openRequest({ 'content-length': String(10 * 1024 * 1024) });
    expect(await codeOf(readMultipartFile(declared, { maxBytes: 1024 }))).toBe('UPLOAD_TOO_LARGE');
    const json = openRequest({ 'content-type': 'application/json' });
    expect(await codeOf(readMultipartFile(json, { maxBytes: 1024 }))).toBe('UPLOAD_NOT_MULTIPART');
  });

  it('refuses a file in another field, a second file, and a form without a file', async () => {
    const other = openRequest();
    const otherReading = readMultipartFile(other, { maxBytes: 1024 });
    other.end(`${part('photo', 'a.jpg')}abc\r\n--${BOUNDARY}--\r\n`);
    expect(await codeOf(otherReading)).toBe('UPLOAD_MALFORMED');

    const two = openRequest();
    const twoReading = readMultipartFile(two, { maxBytes: 1024 });
    two.end(`${part('file', 'a.pdf')}%PDF-a\r\n${part('file', 'b.pdf')}%PDF-b\r\n--${BOUNDARY}--\r\n`);
    expect(await codeOf(twoReading)).toBe('UPLOAD_TOO_MANY_FILES');

    const none = openRequest();
    const noneReading = readMultipartFile(none, { maxBytes: 1024 });
    none.end(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
    );
    expect(await codeOf(noneReading)).toBe('UPLOAD_MISSING_FILE');
  });
});
