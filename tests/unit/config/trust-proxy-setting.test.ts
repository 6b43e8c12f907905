import { describe, expect, it } from 'vitest';
import { isAddressOrRange, parseTrustProxy } from '../../../config/trust-proxy-setting.ts';

describe('parseTrustProxy', () => {
  it('reads off, hop counts and address lists', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8 fd00::/8')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
  });

  it('refuses a bare true and entries that are no address or range', () => {
    expect(parseTrustProxy('true')).toMatchObject({ error: expect.stringContaining('TRUST_PROXY=true') });
    expect(parseTrustProxy('yes')).toHaveProperty('error');
    expect(parseTrustProxy('proxy.local')).toMatchObject({ error: expect.stringContaining('proxy.local') });
  });

  it('checks prefixes against the family', () => {
    expect(isAddressOrRange('10.0.0.0/32')).toBe(true);
    expect(isAddressOrRange('10.0.0.0/33')).toBe(false);
    expect(isAddressOrRange('::1/128')).toBe(true);
    expect(isAddressOrRange('::1/129')).toBe(false);
    expect(isAddressOrRange('10.0.0.1/8/1')).toBe(false);
  });
});
