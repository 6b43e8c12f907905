/**
 * Reads the one file of a `multipart/form-data` request (field `file`) into memory, streaming with
 * a size limit: a declared length far over the limit is refused before reading, and reading stops
 * as soon as the file passes the limit. A second file, a file in another field, no file at all or a
 * malformed body are refused. Other form fields are ignored (a few, small).
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { tooLarge, UploadError } from './upload-error.ts';

/** Room for the multipart boundaries, part headers and the few small fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const FILE_FIELD = 'file';

export interface MultipartFileOptions {
  maxBytes: number;
  /**
   * Checks the file's first `headBytes` bytes (or the whole file when shorter) as soon as they
   * arrive: an error stops reading at once (a file of the wrong type is not taken in whole).
   */
  checkHead?: { headBytes: number; check: (head: Buffer) => UploadError | undefined };
}

export function readMultipartFile(request: IncomingMessage, options: MultipartFileOptions): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const type = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      request.resume();
      reject(new UploadError('UPLOAD_NOT_MULTIPART', '请以表单（multipart/form-data）方式上传文件。'));
      return;
    }
    const maxBody = options.maxBytes + MULTIPART_OVERHEAD_BYTES;
    if (Number(request.headers['content-length'] ?? NaN) > maxBody) {
      request.resume();
      reject(tooLarge(options.maxBytes));
      return;
    }

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: {
          files: 1,
          fileSize: options.maxBytes,
          fields: 8,
          fieldSize: 1024,
          parts: 9,
          headerPairs: 20,
        },
      });
    } catch {
      request.resume();
      reject(new UploadError('UPLOAD_MALFORMED', '上传内容的格式不正确，请重新选择文件上传。'));
      return;
    }

    let settled = false;
    let received = 0;
    let file: Buffer | undefined;
    let reading = false;
    const fail = (error: UploadError) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      request.off('data', count);
      // Keep draining so the answer can be sent; a 413 also closes the connection.
      request.resume();
      reject(error);
    };
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBody) fail(tooLarge(options.maxBytes));
    };
    request.on('data', count);

    parser.on('file', (field, stream) => {
      if (field !== FILE_FIELD || file || reading) {
        stream.resume();
        fail(new UploadError('UPLOAD_MALFORMED', `请只在 ${FILE_FIELD} 字段上传一个文件。`));
        return;
      }
      reading = true;
      const chunks: Buffer[] = [];
      let size = 0;
      let headChecked = options.checkHead === undefined;
      const checkHead = () => {
        headChecked = true;
        const refusal = options.checkHead?.check(Buffer.concat(chunks));
        if (refusal) {
          chunks.length = 0;
          stream.resume();
          fail(refusal);
        }
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        chunks.push(chunk);
        size += chunk.length;
        if (!headChecked && size >= (options.checkHead?.headBytes ?? 0)) checkHead();
      });
      stream.on('limit', () => {
        chunks.length = 0;
        stream.resume();
        fail(tooLarge(options.maxBytes));
      });
      stream.on('end', () => {
        reading = false;
        if (!headChecked && !settled && size > 0) checkHead();
        if (!stream.truncated && !settled) file = Buffer.concat(chunks);
      });
    });
    parser.on('filesLimit', () => fail(new UploadError('UPLOAD_TOO_MANY_FILES', '一次只能上传一个文件。')));
    parser.on('partsLimit', () =>
      fail(new UploadError('UPLOAD_MALFORMED', '上传内容的格式不正确，请重新选择文件上传。')),
    );
    parser.on('error', () =>
      fail(new UploadError('UPLOAD_MALFORMED', '上传内容的格式不正确，请重新选择文件上传。')),
    );
    parser.on('close', () => {
      if (settled) return;
      if (!file || file.length === 0) {
        fail(new UploadError('UPLOAD_MISSING_FILE', '请选择要上传的照片或 PDF 文件。'));
        return;
      }
      settled = true;
      request.off('data', count);
      resolve(file);
    });
    request.on('error', () => fail(new UploadError('UPLOAD_MALFORMED', '上传未完成，请重新上传。')));
    request.pipe(parser);
  });
}
