/**
 * Issue 9, finding 6: with TRUST_PROXY=true a spoofed `X-Forwarded-For: <random>, 127.0.0.1` gave
 * every request a fresh address and so passed every per-IP limit. Now TRUST_PROXY names the proxies
 * (or counts hops), the client address is the right-most untrusted one, and `true` is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const IP_PER_MINUTE = 5;

describe('TRUST_PROXY', () => {
  it('refuses a bare true with a message that says what to write instead', () => {
    expect(() => loadSettings({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true would trust any/);
    expect(() => loadSettings({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not an address, a CIDR range/);
  });

  for (const trustProxy of ['loopback', '1']) {
    describe(`TRUST_PROXY=${trustProxy}`, () => {
      let harness: Harness;
      beforeAll(async () => {
        harness = await startHarness({
          clock: () => new Date('2026-11-02T09:00:00+08:00'),
          settings: {
            limits: { ipPerMinute: IP_PER_MINUTE },
            server: { trustProxy: loadSettings({ TRUST_PROXY: trustProxy }).server.trustProxy },
          },
        });
      });
      afterAll(async () => {
        await harness?.stop();
        removeTemporaryFolders();
      });

      const hall = (forwardedFor: string) =>
        requestJson(`${harness.url}/api/v1/hall`, { headers: { 'x-forwarded-for': forwardedFor } });

      it('limits the right-most untrusted address, whatever the client wrote to its left', async () => {
        const statuses: number[] = [];
        for (let index = 0; index <= IP_PER_MINUTE; index += 1) {
          // The client wrote "<random>, 127.0.0.1"; the proxy appended the address it saw.
          const response = await hall(`198.51.100.${index + 1}, 127.0.0.1, 203.0.113.7`);
          statuses.push(response.status);
        }
        expect(statuses).toEqual([...Array(IP_PER_MINUTE).fill(200), 429]);
        // Another client behind the same proxy has its own budget.
        expect((await hall('203.0.113.8')).status).toBe(200);
      });
    });
  }

  describe('the sign-in and case lookup limits', () => {
    const LOGINS_PER_MINUTE = 3;
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness({
        clock: () => new Date('2026-11-02T09:00:00+08:00'),
        settings: {
          limits: { ipPerMinute: 1000, loginPerMinute: LOGINS_PER_MINUTE },
          server: { trustProxy: loadSettings({ TRUST_PROXY: 'loopback' }).server.trustProxy },
        },
      });
    });
    afterAll(async () => {
      await harness?.stop();
      removeTemporaryFolders();
    });

    const statuses = async (send: (address: string) => Promise<{ status: number }>) => {
      const seen: number[] = [];
      // A fresh address of the same /64 for every attempt, as one subscriber can take.
      for (let index = 0; index <= LOGINS_PER_MINUTE; index += 1) {
        seen.push((await send(`2001:db8:5:7:${(index + 1).toString(16)}::1`)).status);
      }
      return seen;
    };

    it('counts an IPv6 client by its /64, like every other per-address limit', async () => {
      const login = (address: string) =>
        requestJson(`${harness.url}/api/v1/staff/login`, {
          method: 'POST',
          headers: { 'x-forwarded-for': address },
          body: { username: 'nobody', password: 'wrong password 1' },
        });
      const logins = await statuses(login);
      expect(logins.slice(0, LOGINS_PER_MINUTE).every((status) => status === 401)).toBe(true);
      expect(logins.at(-1)).toBe(429);
      // The next /64 is another subscriber with its own budget.
      expect((await login('2001:db8:5:8::1')).status).toBe(401);

      const lookup = (address: string) =>
        requestJson(`${harness.url}/api/v1/cases/lookup?number=BCS20261102-0001&phone=1234`, {
          headers: { 'x-forwarded-for': address },
        });
      const lookups = await statuses((address) => lookup(address.replace(':5:7:', ':6:7:')));
      expect(lookups.at(-1)).toBe(429);
      expect(lookups.slice(0, LOGINS_PER_MINUTE)).not.toContain(429);
    });
  });
});
