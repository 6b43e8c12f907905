/**
 * `TRUST_PROXY`: which peers may tell us the client's address in X-Forwarded-For. Off, a hop count
 * (the N proxies nearest to the server), or a list of proxy addresses and CIDR ranges. A bare `true`
 * is refused: it would trust whatever the header says, so any client could pick its own address and
 * walk past every per-IP limit.
 */
import { isIP } from 'node:net';

/** false: ignore X-Forwarded-For; a number: trust that many hops; a list: trust these proxies. */
export type TrustProxySetting = false | number | string[];

/** Named ranges, as Express names them. */
export const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const OFF = new Set(['', 'false', '0', 'no', 'off']);
const BARE_TRUE = new Set(['true', 'yes', 'on']);

const TRUE_MESSAGE =
  'TRUST_PROXY=true would trust any X-Forwarded-For header, so a client could choose its own address ' +
  'and pass every per-IP limit. Name the proxies instead (TRUST_PROXY=loopback, TRUST_PROXY=10.0.0.5 ' +
  'or TRUST_PROXY=10.0.0.0/8,::1) or give how many proxies stand in front (TRUST_PROXY=1).';

/** True for an IPv4/IPv6 address or `address/prefix` with a prefix that fits its family. */
export function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function parseTrustProxy(raw: string | undefined): TrustProxySetting | { error: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (OFF.has(value)) return false;
  if (BARE_TRUE.has(value)) return { error: TRUE_MESSAGE };
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(/[\s,]+/).filter(Boolean);
  const wrong = entries.filter((entry) => !(entry in NAMED_RANGES) && !isAddressOrRange(entry));
  if (wrong.length > 0) {
    return {
      error:
        `TRUST_PROXY: "${wrong.join('", "')}" is not an address, a CIDR range (10.0.0.0/8, fd00::/8) ` +
        `or one of ${Object.keys(NAMED_RANGES).join(', ')}; or give a hop count (1), or false.`,
    };
  }
  return entries;
}
