import { describe, expect, it } from 'vitest';
import { addressKey, createClientAddress } from '../../../../bot/server/network/client-address.ts';

describe('createClientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(createClientAddress(false).resolve('203.0.113.7', '1.2.3.4')).toBe('203.0.113.7');
  });

  it('takes the right-most untrusted address behind trusted proxies (IPv4 and IPv6)', () => {
    const resolver = createClientAddress(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(resolver.resolve('127.0.0.1', '6.6.6.6, 127.0.0.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(resolver.resolve('::ffff:127.0.0.1', '2001:db8::1, fd00::5')).toBe('2001:db8::1');
    // A client not behind a trusted proxy cannot claim another address.
    expect(resolver.resolve('203.0.113.9', '127.0.0.1')).toBe('203.0.113.9');
    // Only trusted hops: the furthest one.
    expect(resolver.resolve('127.0.0.1', '10.0.0.1')).toBe('10.0.0.1');
  });

  it('trusts the nearest N hops for a hop count', () => {
    const resolver = createClientAddress(2);
    expect(resolver.resolve('10.0.0.1', 'spoofed, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(resolver.trust('10.0.0.1', 1)).toBe(true);
    expect(resolver.trust('10.0.0.1', 2)).toBe(false);
  });
});

describe('addressKey', () => {
  it('keys IPv4 (also mapped) as it is and IPv6 by its /64', () => {
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
