/**
 * The numbers read from an upload as the citizen is shown them: a 身份证号 keeps its first four and
 * last four characters, every other number keeps only its last four (dates are not personal numbers
 * and are shown as read).
 */
import type { DocumentReading } from '../documents/document-reader.ts';

const MASK = '*';

export function maskIdNumber(value: string): string {
  if (value.length <= 8) return MASK.repeat(value.length);
  return `${value.slice(0, 4)}${MASK.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskOther(value: string): string {
  if (value.length <= 4) return MASK.repeat(value.length);
  return `${MASK.repeat(value.length - 4)}${value.slice(-4)}`;
}

export function maskFields(fields: DocumentReading['fields']): DocumentReading['fields'] {
  const masked: DocumentReading['fields'] = {};
  if (fields.idNumber !== undefined) masked.idNumber = maskIdNumber(fields.idNumber);
  if (fields.creditCode !== undefined) masked.creditCode = maskOther(fields.creditCode);
  if (fields.idExpiry !== undefined) masked.idExpiry = fields.idExpiry;
  return masked;
}
