import { describe, expect, it } from 'vitest';
import { readCardinal, readNumbers } from '../../../../bot/speech/read-numbers.ts';
import { spokenText } from '../../../../bot/speech/spoken-text.ts';
import { splitSentences } from '../../../../bot/speech/split-sentences.ts';

describe('numbers read aloud', () => {
  it('reads cardinals as a person says them', () => {
    expect(readCardinal('0')).toBe('零');
    expect(readCardinal('10')).toBe('十');
    expect(readCardinal('14')).toBe('十四');
    expect(readCardinal('20')).toBe('二十');
    expect(readCardinal('105')).toBe('一百零五');
    expect(readCardinal('110')).toBe('一百一十');
    expect(readCardinal('1005')).toBe('一千零五');
    expect(readCardinal('10086')).toBe('一万零八十六');
    expect(readCardinal('200000')).toBe('二十万');
    expect(readCardinal('100000000')).toBe('一亿');
  });

  it('reads window codes, ranges, times, years, telephone numbers, percentages and decimals', () => {
    expect(readNumbers('C14-C16号窗口')).toBe('C十四到C十六号窗口');
    expect(readNumbers('A-05号窗口')).toBe('A零五号窗口');
    expect(readNumbers('3~5个工作日')).toBe('三到五个工作日');
    expect(readNumbers('9:00-12:00')).toBe('九点到十二点');
    expect(readNumbers('13:30')).toBe('十三点三十分');
    expect(readNumbers('8:05')).toBe('八点零五分');
    expect(readNumbers('2026年')).toBe('二零二六年');
    expect(readNumbers('2026-12-02')).toBe('二零二六年十二月二日');
    expect(readNumbers('0571-88886666')).toBe('零五七幺，八八八八六六六六');
    expect(readNumbers('拨打12345')).toBe('拨打幺二三四五');
    expect(readNumbers('95%')).toBe('百分之九十五');
    expect(readNumbers('3.5万元')).toBe('三点五万元');
    expect(readNumbers('¥50')).toBe('五十元');
  });

  it('says 两 for a count of two before a measure word, not for ordinals or numbers', () => {
    expect(readNumbers('2个人')).toBe('两个人');
    expect(readNumbers('复印件2份')).toBe('复印件两份');
    expect(readNumbers('第2次')).toBe('第二次');
    expect(readNumbers('12个')).toBe('十二个');
    expect(readNumbers('2楼')).toBe('二楼');
    expect(readNumbers('2月')).toBe('二月');
  });
});

describe('spoken text', () => {
  it('drops markup, links and brackets but keeps what they hold', () => {
    expect(spokenText('**所需材料**：\n1. 身份证原件（复印件1份）\n- 营业执照')).toBe(
      '所需材料\n身份证原件，复印件一份\n营业执照',
    );
    expect(spokenText('可在网上办理，详见 https://zwfw.example.gov.cn/item?id=12 。')).toBe('可在网上办理。');
    expect(spokenText('【温馨提示】《营业执照》可以网上办/现场办')).toBe(
      '温馨提示，营业执照可以网上办或现场办',
    );
    expect(spokenText('<b>请到</b>3楼B区')).toBe('请到三楼B区');
  });

  it('turns ASCII punctuation into Chinese pauses and never starts with an engine option', () => {
    expect(spokenText('请稍候, 正在为您查询!')).toBe('请稍候，正在为您查询！');
    expect(spokenText('-v en hello')).toBe('v en hello');
    expect(spokenText('……')).toBe('');
  });

  it('never reads a personal number out, and names it as withheld', () => {
    expect(spokenText('手机号13812345678已登记')).toBe('手机号已隐去，已登记');
    expect(spokenText('请联系 138 1234 5678')).toBe('请联系，手机号已隐去');
    expect(spokenText('身份证号：11010119900307123X')).toBe('身份证号已隐去');
    expect(spokenText('尾号138****5678的申请')).toBe('尾号，号码已隐去，的申请');
    expect(spokenText('您的件号20261202000123')).not.toMatch(/\d/);
  });

  it('gives a spoken text back unchanged (the plan’s sentence addresses rely on it)', () => {
    const answers = [
      '请到C14-C16号窗口办理，承诺时限20个工作日，收费：¥50。',
      '咨询电话：0571-88886666；办理时间 9:00-12:00，13:30-17:00。',
      '**材料**\n1. 身份证（原件）\n2. 户口簿',
      '您的手机号13812345678，身份证号110101199003071234。',
    ];
    for (const answer of answers) {
      const once = spokenText(answer);
      expect(spokenText(once)).toBe(once);
      for (const sentence of splitSentences(once)) {
        expect(splitSentences(spokenText(sentence))).toEqual([sentence]);
      }
    }
  });
});

describe('sentences', () => {
  it('splits at full stops, question and exclamation marks, semicolons and line breaks', () => {
    expect(splitSentences('您好！请问办什么？社保卡补办；请带身份证。\n营业执照')).toEqual([
      '您好！',
      '请问办什么？',
      '社保卡补办；',
      '请带身份证。',
      '营业执照',
    ]);
  });

  it('cuts a long sentence at its last comma before the limit, else at the limit', () => {
    const long =
      '营业执照办理需要提交申请书、身份证明、经营场所证明，法定代表人任职文件，公司章程，请一次性备齐。';
    const pieces = splitSentences(long, 20);
    expect(pieces).toEqual([
      '营业执照办理需要提交申请书、身份证明',
      '经营场所证明，法定代表人任职文件',
      '公司章程，请一次性备齐。',
    ]);
    expect(splitSentences('一'.repeat(45), 20).map((piece) => piece.length)).toEqual([20, 20, 5]);
  });

  it('cuts a long first sentence at an early pause only, so the guide starts sooner', () => {
    const answer = '不动产转移登记请到三楼A区，办理时间九点到十二点。请带身份证，户口簿。';
    expect(splitSentences(answer, 40, 16)).toEqual([
      '不动产转移登记请到三楼A区',
      '办理时间九点到十二点。',
      '请带身份证，户口簿。',
    ]);
    // Without a pause before the limit the first sentence stays whole.
    expect(splitSentences('营业执照办理需要提交申请书和身份证明。', 40, 16)).toEqual([
      '营业执照办理需要提交申请书和身份证明。',
    ]);
  });

  it('drops sentences with nothing to say', () => {
    expect(splitSentences('。！\n，，\n好的。')).toEqual(['好的。']);
    expect(splitSentences('')).toEqual([]);
  });
});
