import { describe, expect, it } from 'vitest';
import {
  createSensitiveWordFilter,
  loadSensitiveWordFilter,
  parseLexicon,
} from '../../../../bot/safety/sensitive-word-filter.ts';
import { createRateLimiter } from '../../../../bot/safety/rate-limiter.ts';

describe('sensitive-word filter', () => {
  const filter = loadSensitiveWordFilter();

  it('finds words through spacing, punctuation, width and case, with the category action', () => {
    expect(filter.check('你们这帮 傻 Ｂ').action).toBe('remind');
    expect(filter.check('能不能帮我办-假-证').hits[0]).toMatchObject({ category: '违法', action: 'refuse' });
    expect(filter.check('我真的不想活了').action).toBe('care');
    expect(filter.check('营业执照怎么办理').hits).toEqual([]);
  });

  it('takes the strongest action when several categories hit', () => {
    const custom = createSensitiveWordFilter(parseLexicon('[甲 log]\n测试\n[乙 refuse]\n违规'));
    expect(custom.check('测试违规').action).toBe('refuse');
    expect(() => parseLexicon('[甲 explode]\nx')).toThrow(/unknown action/);
    expect(() => parseLexicon('word-before-header')).toThrow(/header/);
  });
});

describe('rate limiter', () => {
  it('allows the per-minute budget, then says how long to wait, then refills', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 3, clock: () => now });
    expect([1, 2, 3].map(() => limiter.take('ip').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('ip');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take('other-ip').allowed).toBe(true);
    now += 20_000;
    expect(limiter.take('ip').allowed).toBe(true);
  });
});
