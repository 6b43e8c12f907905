/**
 * Reads a text file strictly as UTF-8 (with or without BOM). Spreadsheets saved as "CSV" on Chinese
 * Windows are often GBK; decoding them leniently would fill the catalog with mojibake, so a file that
 * is not valid UTF-8 is refused with a message that says how to re-save it.
 */
import { readFile } from 'node:fs/promises';

export class NotUtf8Error extends Error {
  readonly code = 'NOT_UTF8' as const;
  constructor() {
    super(
      '文件不是 UTF-8 编码（可能是 GBK/GB2312）。请用 Excel“另存为 → CSV UTF-8（逗号分隔）”，或用文本编辑器转为 UTF-8 后重试',
    );
    this.name = 'NotUtf8Error';
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotUtf8Error();
  }
  return text.replace(/^\uFEFF/, '');
}

export async function readUtf8File(file: string): Promise<string> {
  return decodeUtf8(await readFile(file));
}
