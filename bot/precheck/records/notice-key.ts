/**
 * The citizen's key to their own notice: random, given once in the notice link, stored only as a
 * hash bound to the pre-check number (as the hand-over lookup code is). Without the key a number
 * opens nothing for the public; staff open it by number after signing in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 120 random bits, URL-safe. */
export function newNoticeKey(): string {
  return randomBytes(15).toString('base64url');
}

export function hashNoticeKey(precheckNo: string, key: string): string {
  return createHash('sha256').update(`${precheckNo}:${key}`).digest('hex');
}

export function noticeKeyMatches(precheckNo: string, key: string, storedHash: string): boolean {
  const given = Buffer.from(hashNoticeKey(precheckNo, key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
