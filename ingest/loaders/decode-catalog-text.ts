/**
 * Decodes a tabular catalog file whatever a hall's tools saved it as: UTF-8 with or without BOM
 * ("CSV UTF-8"), UTF-16 with BOM (Excel's "Unicode 文本"), or GBK/GB18030, which is what Excel on
 * Chinese Windows writes for plain "CSV". A file is read as GB18030 only when it is not valid UTF-8
 * and is valid GB18030, so a UTF-8 file is never turned into mojibake; a file that is neither is
 * refused with a message that says how to re-save it.
 */

export type CatalogTextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: CatalogTextEncoding;
}

export class UnknownEncodingError extends Error {
  readonly code = 'UNKNOWN_ENCODING' as const;
  constructor() {
    super(
      '无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）。请用 Excel“另存为 → CSV UTF-8（逗号分隔）”后重试',
    );
    this.name = 'UnknownEncodingError';
  }
}

function tryDecode(encoding: CatalogTextEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

export function decodeCatalogText(bytes: Uint8Array): DecodedText {
  // TextDecoder drops the BOM itself for the encoding it names.
  const candidates: CatalogTextEncoding[] = startsWith(bytes, [0xff, 0xfe])
    ? ['utf-16le']
    : startsWith(bytes, [0xfe, 0xff])
      ? ['utf-16be']
      : ['utf-8', 'gb18030'];
  for (const encoding of candidates) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return { text: text.replace(/^\uFEFF/, ''), encoding };
  }
  throw new UnknownEncodingError();
}
