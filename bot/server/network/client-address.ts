/**
 * The client's address behind trusted proxies, the same for HTTP (Express `trust proxy` takes
 * `trust`) and for the websocket upgrade (`resolve`): walk the chain from the socket's peer through
 * X-Forwarded-For right to left, and stop at the first address that is not a trusted proxy. Whatever
 * a client writes to the left of that is never read, so a spoofed `X-Forwarded-For: <random>,
 * 127.0.0.1` gains nothing.
 */
import { BlockList, isIP } from 'node:net';
import { NAMED_RANGES, type TrustProxySetting } from '../../../config/trust-proxy-setting.ts';

export interface ClientAddress {
  /** Whether the `hop`-th address of the chain (0 = the socket's peer) is a trusted proxy. */
  trust(address: string, hop: number): boolean;
  /** The client address of a request: the right-most untrusted address of the chain. */
  resolve(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined): string;
}

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((name) => NAMED_RANGES[name] ?? [name])) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export function createClientAddress(setting: TrustProxySetting): ClientAddress {
  let trust: ClientAddress['trust'];
  if (setting === false) trust = () => false;
  else if (typeof setting === 'number') trust = (_address, hop) => hop < setting;
  else {
    const list = blockListOf(setting);
    trust = (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    };
  }
  return {
    trust,
    resolve(remoteAddress, forwardedFor) {
      const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
      const forwarded = header
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .reverse();
      const chain = [remoteAddress ?? 'unknown', ...forwarded];
      for (let hop = 0; hop < chain.length - 1; hop += 1) {
        if (!trust(chain[hop], hop)) return chain[hop];
      }
      return chain[chain.length - 1];
    },
  };
}

/**
 * The key per-IP limits count under: IPv4 (also IPv4-mapped IPv6) as it is, IPv6 by its /64, since
 * one subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::')
    ? [...headGroups, ...Array.from({ length: missing }, () => '0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
