/**
 * Which materials the pre-check's checklist shows after the situation answers, and the answers as the
 * server takes them, on question sets of the shape `GET /api/v1/items/:id/precheck-questions` gives.
 */
import { describe, expect, it } from 'vitest';
import {
  applicableMaterials,
  parseQuestions,
  parseResult,
  situationOf,
  type Answers,
  type PrecheckQuestions,
} from '../../../web-widget/src/shared/precheck-model.ts';

const SOCIAL_CARD: PrecheckQuestions = {
  item: { id: 'SHMS-001', name: '社会保障卡申领' },
  questions: [
    {
      key: 'minor',
      text: '是否申领人未满16周岁或为无民事行为能力人？',
      options: ['是', '否'],
      materials: ['监护人居民身份证及监护关系证明'],
    },
    {
      key: 'agent',
      text: '是否委托他人代为办理？',
      options: ['是', '否'],
      materials: ['代办人居民身份证及授权委托书'],
    },
    {
      key: 'face',
      text: '是否在窗口通过人脸识别核验身份？',
      options: ['是', '否'],
      materials: ['居民身份证'],
    },
  ],
  materials: [
    { name: '居民身份证', required: '必要', exempt: '通过人脸识别核验身份的，免提交' },
    {
      name: '近期免冠彩色证件照片',
      required: '必要',
      exempt: '可调用公安部门制证照片，或在窗口免费现场拍摄',
    },
    {
      name: '监护人居民身份证及监护关系证明',
      required: '情形',
      when: '申领人未满16周岁或为无民事行为能力人的',
      exempt: '监护关系可通过户籍数据共享核验的，免提交监护关系证明',
    },
    { name: '代办人居民身份证及授权委托书', required: '情形', when: '委托他人代为办理的' },
  ],
};

const LAND: PrecheckQuestions = {
  item: { id: 'GCJS-002', name: '建设用地规划许可证核发' },
  questions: [
    {
      key: 'c1',
      text: '以哪种方式取得土地？',
      options: ['出让', '划拨'],
      materials: ['国有土地使用权出让合同', '划拨决定书'],
    },
  ],
  materials: [
    { name: '申请表', required: '必要' },
    { name: '国有土地使用权出让合同', required: '情形', when: '以出让方式取得土地的' },
    { name: '划拨决定书', required: '情形', when: '以划拨方式取得土地的' },
  ],
};

const shown = (data: PrecheckQuestions, answers: Answers) =>
  applicableMaterials(data, answers).map((entry) => [entry.material.name, entry.notNeeded ?? null]);

describe('pre-check checklist', () => {
  it('keeps every situation open until it is answered, and spares what is taken at the window', () => {
    expect(shown(SOCIAL_CARD, new Map())).toEqual([
      ['居民身份证', null],
      ['近期免冠彩色证件照片', '可调用公安部门制证照片，或在窗口免费现场拍摄'],
      // Only a part is spared: the guardian's ID card is still to be brought.
      ['监护人居民身份证及监护关系证明', null],
      ['代办人居民身份证及授权委托书', null],
    ]);
  });

  it('drops a material whose situation is answered 否 and spares one whose exemption is answered 是', () => {
    const answers: Answers = new Map([
      ['minor', '否'],
      ['agent', '是'],
      ['face', '是'],
    ]);
    expect(shown(SOCIAL_CARD, answers)).toEqual([
      ['居民身份证', '通过人脸识别核验身份的，免提交'],
      ['近期免冠彩色证件照片', '可调用公安部门制证照片，或在窗口免费现场拍摄'],
      ['代办人居民身份证及授权委托书', null],
    ]);
    expect(situationOf(SOCIAL_CARD, answers)).toEqual({ minor: false, agent: true, face: true });
  });

  it('keeps only the chosen alternative of a choice', () => {
    const answers: Answers = new Map([['c1', '划拨']]);
    expect(shown(LAND, answers)).toEqual([
      ['申请表', null],
      ['划拨决定书', null],
    ]);
    expect(situationOf(LAND, answers)).toEqual({ c1: '划拨' });
  });

  it('parses what the server sends, leaving out what it does not', () => {
    expect(parseQuestions({ item: { id: 'X' } })).toBeUndefined();
    const result = parseResult({
      item: { id: 'SHMS-001', name: '社会保障卡申领' },
      missing: [{ name: '代办人居民身份证及授权委托书', note: '委托他人代为办理的' }, { note: 'no name' }],
      invalid: [{ field: 'idNumber', reason: '校验码不对' }],
      deferrable: [],
      exempt: [{ name: '近期免冠彩色证件照片', note: '窗口拍摄' }],
      notice: '……',
      where: { zone: '社会民生专区', window: 'C01' },
    });
    expect(result?.missing).toEqual([{ name: '代办人居民身份证及授权委托书', note: '委托他人代为办理的' }]);
    expect(result?.precheckNo).toBeUndefined();
    expect(result?.where).toEqual({
      zone: '社会民生专区',
      window: 'C01',
      ticketCategory: undefined,
      hours: undefined,
      address: undefined,
    });
    expect(parseResult({ item: { id: 'A', name: 'B' } })?.where).toBeUndefined();
  });
});
