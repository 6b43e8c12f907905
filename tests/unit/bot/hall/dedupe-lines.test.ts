import { describe, expect, it } from 'vitest';
import { dedupeLines } from '../../../../bot/hall/dedupe-lines.ts';

describe('dedupeLines', () => {
  it('drops a clause already stated and keeps the rest of the line with its label', () => {
    expect(
      dedupeLines([
        '办公时间：周一至周五 9:00-17:30；工作日中午 12:00-13:30 综合咨询窗口值守。',
        '延时服务：工作日中午12:00-13:30综合咨询窗口值守；已预约的群众未办结的，办结后再下班。',
      ]),
    ).toEqual([
      '办公时间：周一至周五 9:00-17:30；工作日中午 12:00-13:30 综合咨询窗口值守。',
      '延时服务：已预约的群众未办结的，办结后再下班。',
    ]);
  });

  it('drops a line whose clauses were all said, and keeps short generic clauses', () => {
    expect(dedupeLines(['停车场在东侧，约80个车位。', '停车场在东侧，约80个车位；免费。', '免费。'])).toEqual(
      ['停车场在东侧，约80个车位。', '免费。', '免费。'],
    );
  });
});
