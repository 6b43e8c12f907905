/**
 * Fictional people, companies and numbers for the document samples: names from common surnames and
 * given-name characters, ID numbers (GB 11643) and credit codes (GB 32100) with correct check
 * characters, bank card numbers with a Luhn digit. Everything is drawn from a seeded generator, so a
 * sample set is the same on every run.
 */
import { creditCodeCheckCharacter, organisationCodeCheckDigit } from '../../bot/precheck/credit-code.ts';
import { luhnCheckDigit } from '../../bot/privacy/luhn.ts';
import { idNumberCheckCharacter } from '../../bot/privacy/id-number.ts';
import { pick, seededRandom, type Random } from './seeded-random.ts';

export { pick, seededRandom, type Random };

const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红志文斌辉玉萍鹏飞宇浩然欣怡子轩梓涵雨晨佳琪思远',
];

/** Real county-level codes (GB/T 2260) with the place they name, for addresses and registries. */
export const AREAS = [
  { code: '110105', province: '北京市', city: '北京市', county: '朝阳区', short: '京' },
  { code: '110108', province: '北京市', city: '北京市', county: '海淀区', short: '京' },
  { code: '310104', province: '上海市', city: '上海市', county: '徐汇区', short: '沪' },
  { code: '440106', province: '广东省', city: '广州市', county: '天河区', short: '粤' },
  { code: '330106', province: '浙江省', city: '杭州市', county: '西湖区', short: '浙' },
  { code: '510107', province: '四川省', city: '成都市', county: '武侯区', short: '川' },
  { code: '420106', province: '湖北省', city: '武汉市', county: '武昌区', short: '鄂' },
  { code: '320102', province: '江苏省', city: '南京市', county: '玄武区', short: '苏' },
] as const;

export type Area = (typeof AREAS)[number];

const STREETS = ['建国路', '中山路', '人民路', '解放大道', '文化路', '长江路', '和平街', '学院路'];
const NATIONS = ['汉', '汉', '汉', '回', '满', '壮'];

export interface Person {
  name: string;
  sex: '男' | '女';
  nation: string;
  birth: { year: number; month: number; day: number };
  area: Area;
  address: string;
  idNumber: string;
}

export function fictionalName(random: Random): string {
  const given = random() < 0.6 ? pick(random, GIVEN) + pick(random, GIVEN) : pick(random, GIVEN);
  return pick(random, SURNAMES) + given;
}

export function makeIdNumber(area: Area, birth: Person['birth'], sex: Person['sex'], random: Random): string {
  const sequence =
    integer(random, 0, 99) * 10 +
    (sex === '男' ? pick(random, [1, 3, 5, 7, 9]) : pick(random, [0, 2, 4, 6, 8]));
  const first17 = `${area.code}${birth.year}${pad(birth.month)}${pad(birth.day)}${pad(sequence, 3)}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function fictionalPerson(
  random: Random,
  options: { sex?: Person['sex']; born?: [number, number] } = {},
): Person {
  const sex = options.sex ?? (random() < 0.5 ? '男' : '女');
  const [from, to] = options.born ?? [1950, 2002];
  const birth = {
    year: integer(random, from, to),
    month: integer(random, 1, 12),
    day: integer(random, 1, 28),
  };
  const area = pick(random, AREAS);
  const address = `${area.province === area.city ? area.city : area.province + area.city}${area.county}${pick(random, STREETS)}${integer(random, 1, 299)}号${integer(random, 1, 30)}栋${integer(random, 1, 6)}单元${integer(random, 101, 2806)}室`;
  return {
    name: fictionalName(random),
    sex,
    nation: pick(random, NATIONS),
    birth,
    area,
    address,
    idNumber: makeIdNumber(area, birth, sex, random),
  };
}

/** The 31 characters of GB 32100 (no I, O, Z, S, V). */
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 of an enterprise (91) in the area, with both check characters right. */
export function makeCreditCode(area: Area, random: Random): string {
  // Newer organisation codes often begin with letters (MA…), older ones are digits.
  const body =
    random() < 0.5
      ? `MA${Array.from({ length: 6 }, () => pick(random, [...CODE_ALPHABET])).join('')}`
      : Array.from({ length: 8 }, () => String(integer(random, 0, 9))).join('');
  const first17 = `91${area.code}${body}${organisationCodeCheckDigit(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A 19-digit UnionPay debit card number (BIN 62…) with its Luhn digit. */
export function makeCardNumber(random: Random): string {
  const body = `622${integer(random, 200, 899)}${Array.from({ length: 12 }, () => integer(random, 0, 9)).join('')}`;
  return body + luhnCheckDigit(body);
}

const COMPANY_WORDS = ['华信', '启明', '恒泰', '远航', '瑞丰', '新程', '博达', '安和', '同创', '嘉禾'];
const TRADES = ['科技', '商贸', '餐饮管理', '文化传媒', '建筑工程', '信息技术'];

export interface Company {
  name: string;
  creditCode: string;
  area: Area;
  representative: string;
  address: string;
  founded: { year: number; month: number; day: number };
}

export function fictionalCompany(random: Random): Company {
  const area = pick(random, AREAS);
  return {
    name: `${area.city.replace('市', '')}${pick(random, COMPANY_WORDS)}${pick(random, TRADES)}有限公司`,
    creditCode: makeCreditCode(area, random),
    area,
    representative: fictionalName(random),
    address: `${area.city}${area.county}${pick(random, STREETS)}${integer(random, 1, 299)}号`,
    founded: {
      year: integer(random, 2005, 2023),
      month: integer(random, 1, 12),
      day: integer(random, 1, 28),
    },
  };
}

export const dotted = ({ year, month, day }: Person['birth']) => `${year}.${pad(month)}.${pad(day)}`;
export const chinese = ({ year, month, day }: Person['birth']) => `${year}年${month}月${day}日`;
export const chinesePadded = ({ year, month, day }: Person['birth']) =>
  `${year}年${pad(month)}月${pad(day)}日`;
export { integer as randomInteger };
