import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerHallQuestion } from '../../../../bot/hall/answer-hall-question.ts';
import { hallSchema } from '../../../../knowledge/hall/schema.ts';
import { hall } from '../compose/fixtures.ts';

const answer = (text: string) => answerHallQuestion(text, hall)?.answer;

describe('answerHallQuestion', () => {
  it('answers opening hours, weekends and noon from the hall record', () => {
    expect(answer('请问大厅几点上班？')).toContain(hall.hours);
    const weekend = answer('周六上班吗');
    expect(weekend).toContain(hall.hours);
    expect(weekend).toContain('周六、周日和法定节假日不对外办公');
    expect(answer('你们中午休息吗')).toContain(hall.hours);
  });

  it('answers address, phone, parking and appointments, citing the hall', () => {
    const address = answerHallQuestion('你们大厅地址在哪里', hall);
    expect(address?.answer).toContain(hall.address);
    expect(address?.citations).toEqual([{ source: 'hall', title: hall.name, locator: '地址' }]);
    expect(answer('大厅电话是多少')).toContain(hall.phone);
    expect(answer('能停车吗')).toContain('约80个车位');
    expect(answer('怎么预约取号')).toContain('爱山东APP');
  });

  it('answers the special windows with floor and window number', () => {
    expect(answer('帮办代办窗口在哪')).toContain('窗口号Z02');
    expect(answer('办不成事找哪个窗口')).toContain('窗口号Z03');
    expect(answer('跨省通办在哪办')).toContain('窗口号Z04');
    expect(answer('综合咨询台在哪里')).toContain('窗口号Z01');
  });

  it('answers zone floors, window numbers and the floor plan', () => {
    expect(answer('企业开办专区在几楼')).toContain('企业开办专区在一楼东区，窗口A01至A04');
    expect(answer('社会民生在几楼')).toContain('二楼南区');
    expect(answer('C01窗口在哪')).toContain('C01号窗口（社保窗口）在二楼');
    const plan = answer('大厅楼层分布');
    expect(plan).toContain('一楼：');
    expect(plan).toContain('二楼：');
  });

  it('falls back to the consulting window rather than inventing facts it does not have', () => {
    const toilet = answer('卫生间在哪');
    expect(toilet).toContain('没有这方面的具体说明');
    expect(toilet).toContain('Z01');
    expect(toilet).toContain(hall.phone);
    expect(answer('怎么评价服务')).toContain('12345');
  });

  it('steps aside for questions about a service item, bare follow-ups and hand-over requests', () => {
    for (const text of [
      '社保卡在哪办',
      '营业执照可以自助打印吗',
      '办护照几点上班',
      '在哪办',
      '多久能办好',
      '我要投诉',
      '转人工',
      '开饭店要什么证',
    ]) {
      expect(answerHallQuestion(text, hall), text).toBeUndefined();
    }
  });

  // The shape of the shipped hall.json: the midday 值守 is in the hours field and again in a note.
  const noonHall = hallSchema.parse({
    ...hall,
    hours:
      '周一至周五 9:00-12:00、13:30-17:30（法定节假日除外）；工作日中午 12:00-13:30 综合咨询窗口值守；对预约群众提供延时服务',
    notes: [
      '延时服务：工作日中午12:00-13:30综合咨询窗口值守；已预约的群众在下班前未办结的，窗口办结后再下班。',
      '帮办代办服务免费，老年人、残疾人等群体可到一楼Z02窗口，行动不便的可预约上门服务。',
    ],
  });
  const count = (text: string | undefined, part: string) => (text ?? '').split(part).length - 1;

  it('states the midday 值守 once, and first when the question is about 中午', () => {
    const hours = answerHallQuestion('你们几点上班', noonHall)?.answer;
    expect(hours).toContain(noonHall.hours);
    expect(count(hours, '综合咨询窗口值守')).toBe(1);
    expect(hours).toContain('延时服务：已预约的群众在下班前未办结的，窗口办结后再下班。');
    const noon = answerHallQuestion('中午有人吗', noonHall)?.answer;
    expect(noon?.split('\n')[0]).toBe('中午时段：工作日中午 12:00-13:30 综合咨询窗口值守。');
    expect(count(noon, '综合咨询窗口值守')).toBe(1);
    expect(noon).toContain('周一至周五 9:00-12:00、13:30-17:30（法定节假日除外）；对预约群众提供延时服务。');
    expect(noon).toContain('已预约的群众在下班前未办结的');
  });

  it('recognises 帮办代办 and home-visit questions and answers from Z02 and the hall notes', () => {
    const helper = answerHallQuestion('有帮办代办服务吗', noonHall);
    expect(helper?.answer).toContain('窗口号Z02');
    expect(helper?.citations[0]?.locator).toBe('帮办代办窗口');
    const visit = answerHallQuestion('老人行动不便能上门办吗', noonHall)?.answer;
    expect(visit?.split('\n')[0]).toBe(noonHall.notes[1]);
    expect(visit).toContain('窗口号Z02');
    // A service item asked by an elderly citizen is still an item question.
    expect(answerHallQuestion('老人办社保卡要什么材料', noonHall)).toBeUndefined();
  });

  it.skipIf(!existsSync('knowledge/data/hall.json'))('answers from the shipped hall.json', () => {
    const shipped = hallSchema.parse(JSON.parse(readFileSync('knowledge/data/hall.json', 'utf8')));
    expect(answerHallQuestion('几点上班', shipped)?.answer).toContain(shipped.hours);
    expect(answerHallQuestion('中午有人吗', shipped)?.answer.startsWith('中午时段：')).toBe(true);
    expect(answerHallQuestion('老人行动不便能上门办吗', shipped)?.answer).toContain('预约上门服务');
    const z03 = shipped.windows.find((window) => window.special === '办不成事反映');
    expect(answerHallQuestion('办不成事窗口在哪', shipped)?.answer).toContain(z03?.id ?? 'Z03');
  });
});
