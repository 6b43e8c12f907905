/**
 * The type of an upload decided from its first bytes only: the file name, its extension and the
 * type the browser declared are ignored, so a renamed executable or archive is never taken for a
 * photo. Only JPEG, PNG, WebP and PDF are known; everything else (ELF, MZ, zip, HTML, SVG, GIF …)
 * is `undefined`.
 */
import type { UploadContentType } from '../documents/document-reader.ts';

/** Bytes needed to decide (the WebP signature ends at byte 12). */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

export function sniffContentType(bytes: Uint8Array): UploadContentType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}
