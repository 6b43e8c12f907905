/**
 * The life-cycle stage of item names and of citizens' sentences, on sentences written for this test
 * (none comes from an evaluation or labelled set), with near-misses that must not be read as a stage.
 */
import { describe, expect, it } from 'vitest';
import { lifecycleStage } from '../../../../bot/understanding/lifecycle-stage.ts';

describe('lifecycleStage', () => {
  it('reads the official verb of an item name', () => {
    expect(lifecycleStage('个体工商户注销登记')).toBe('closure');
    expect(lifecycleStage('企业设立登记')).toBe('first');
    expect(lifecycleStage('出入境证件遗失补发')).toBe('loss');
    expect(lifecycleStage('取水许可延续')).toBe('renewal');
    expect(lifecycleStage('不动产变更登记')).toBe('change');
    expect(lifecycleStage('房屋所有权转移登记')).toBe('transfer');
    expect(lifecycleStage('社会保障卡申领')).toBe('first');
    expect(lifecycleStage('居民身份证申领与换领')).toBe('renewal');
    expect(lifecycleStage('食品经营许可')).toBeUndefined();
  });

  it('reads the same stages in everyday words', () => {
    expect(lifecycleStage('理发店不开了，手续怎么弄')).toBe('closure');
    expect(lifecycleStage('想开个小超市')).toBe('first');
    expect(lifecycleStage('驾驶证被小偷偷了')).toBe('loss');
    expect(lifecycleStage('户口本让孩子撕烂了')).toBe('loss');
    expect(lifecycleStage('毕业证早就没了')).toBe('loss');
    expect(lifecycleStage('能补一张残疾证吗')).toBe('loss');
    expect(lifecycleStage('公司搬了，地址要改')).toBe('change');
    expect(lifecycleStage('营业执照下个月到期')).toBe('renewal');
    expect(lifecycleStage('爷爷的房子要继承给我')).toBe('transfer');
  });

  it('takes the latest stage said, and leaves out subsidies and arrears', () => {
    expect(lifecycleStage('原来以为丢了，其实是头一回办')).toBe('first');
    expect(lifecycleStage('残疾人补贴在哪申请')).toBeUndefined();
    expect(lifecycleStage('社保断了能补缴吗')).toBeUndefined();
    expect(lifecycleStage('出生证明怎么开')).toBeUndefined();
  });
});
