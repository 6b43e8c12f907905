/**
 * Document images the OCR tests and the bench render themselves: one layout per document type,
 * modelled on the printed template (captions where the real document has them, fictional people and
 * companies from document-people.ts, rendered in Noto Sans CJK with sharp/Pango), photographed as a
 * card lying on a desk, and spoilt in the ways photos are: turned slightly or by quarter turns,
 * blurred, washed out, noisy and JPEG-compressed.
 */
import sharp from 'sharp';
import type { DocumentReading, DocumentType } from '../../bot/precheck/documents/document-reader.ts';
import {
  AREAS,
  chinese,
  chinesePadded,
  dotted,
  fictionalCompany,
  fictionalName,
  fictionalPerson,
  makeCardNumber,
  pick,
  randomInteger,
  type Random,
  seededRandom,
} from './document-people.ts';

export type SampleVariant = 'clean' | 'skewed' | 'turned' | 'blurred' | 'low-contrast' | 'noisy-jpeg';

export const SAMPLE_VARIANTS: readonly SampleVariant[] = [
  'clean',
  'skewed',
  'turned',
  'blurred',
  'low-contrast',
  'noisy-jpeg',
];

export interface DocumentSample {
  /** e.g. "营业执照 / turned 90°". */
  name: string;
  type: DocumentType;
  variant: SampleVariant;
  /** The numbers a reader should read from it exactly. */
  expected: DocumentReading['fields'];
  image: Buffer;
  contentType: 'image/png' | 'image/jpeg';
}

/** A piece of text on the card: position in card pixels, size in points at 150 dpi. */
interface TextBlock {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  colour?: string;
}

interface Layout {
  type: DocumentType;
  width: number;
  height: number;
  background: string;
  blocks: TextBlock[];
  expected: DocumentReading['fields'];
  /** Decorations drawn under the text (SVG elements: borders, seals, chip). */
  decorations?: string;
}

const FONT = 'Noto Sans CJK SC';
const LABEL = '#3a4a5c';
const INK = '#1b1b1b';

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const block = (text: string, x: number, y: number, size = 13, extra: Partial<TextBlock> = {}): TextBlock => ({
  text,
  x,
  y,
  size,
  ...extra,
});

/** Caption and value on one line, the caption in the template's lighter colour. */
const field = (caption: string, value: string, x: number, y: number, size = 13): TextBlock => ({
  text: `<span foreground="${LABEL}">${escapeMarkup(caption)}</span>  ${escapeMarkup(value)}`,
  x,
  y,
  size,
});

function idCardFront(random: Random): Layout {
  const person = fictionalPerson(random);
  const blocks = [
    field('姓名', person.name, 60, 60, 15),
    field('性别', person.sex, 60, 130),
    field('民族', person.nation, 260, 130),
    field('出生', chinese(person.birth), 60, 195),
    field('住址', person.address.slice(0, 14), 60, 260),
    block(escapeMarkup(person.address.slice(14)), 150, 310),
    field('公民身份号码', person.idNumber, 60, 470, 15),
  ];
  return {
    type: '居民身份证',
    width: 1000,
    height: 630,
    background: '#eef3f6',
    blocks,
    expected: { idNumber: person.idNumber },
    decorations: '<rect x="700" y="90" width="240" height="300" fill="#dfe6ec" stroke="#c9d3dc"/>',
  };
}

function idCardBack(random: Random): Layout {
  const area = pick(random, AREAS);
  const start = {
    year: randomInteger(random, 2008, 2024),
    month: randomInteger(random, 1, 12),
    day: randomInteger(random, 1, 28),
  };
  const permanent = random() < 0.25;
  const years = pick(random, [10, 20]);
  const end = { ...start, year: start.year + years };
  const validity = `${dotted(start)}-${permanent ? '长期' : dotted(end)}`;
  const endIso = `${end.year}-${String(end.month).padStart(2, '0')}-${String(end.day).padStart(2, '0')}`;
  return {
    type: '居民身份证',
    width: 1000,
    height: 630,
    background: '#f3f0e6',
    blocks: [
      block('中华人民共和国', 330, 70, 22, { bold: true }),
      block('居民身份证', 350, 160, 28, { bold: true }),
      field(
        '签发机关',
        `${area.city === area.province ? area.city : area.city}公安局${area.county}分局`,
        160,
        410,
      ),
      field('有效期限', validity, 160, 490),
    ],
    expected: { idExpiry: permanent ? '长期' : endIso },
    decorations: '<circle cx="170" cy="150" r="80" fill="none" stroke="#c8a85a" stroke-width="6"/>',
  };
}

function businessLicence(random: Random): Layout {
  const company = fictionalCompany(random);
  const founded = chinesePadded(company.founded);
  return {
    type: '营业执照',
    width: 1200,
    height: 860,
    background: '#fbf8f0',
    blocks: [
      block('营 业 执 照', 470, 50, 30, { bold: true, colour: '#8b1a1a' }),
      field('统一社会信用代码', company.creditCode, 80, 170, 14),
      field('名称', company.name, 80, 260),
      field('类型', '有限责任公司（自然人投资或控股）', 80, 320),
      field('法定代表人', company.representative, 80, 380),
      field('经营范围', '技术开发、技术咨询、技术服务；销售日用品。', 80, 440),
      field('注册资本', `人民币${randomInteger(random, 10, 500)}万元`, 80, 500),
      field('成立日期', founded, 80, 560),
      field('营业期限', `${founded}至长期`, 80, 620),
      field('住所', company.address, 80, 680),
      field('登记机关', `${company.area.city}${company.area.county}市场监督管理局`, 620, 760, 12),
      block('国家企业信用信息公示系统网址：http://www.gsxt.gov.cn', 80, 800, 10),
    ],
    expected: { creditCode: company.creditCode },
    decorations:
      '<rect x="20" y="20" width="1160" height="820" fill="none" stroke="#b8860b" stroke-width="8"/>' +
      '<circle cx="1000" cy="700" r="90" fill="none" stroke="#d33" stroke-width="5" opacity="0.6"/>',
  };
}

function householdRegister(random: Random): Layout {
  const person = fictionalPerson(random);
  return {
    type: '户口簿',
    width: 1100,
    height: 800,
    background: '#f7f7f2',
    blocks: [
      block('常住人口登记卡', 400, 40, 24, { bold: true }),
      field('姓名', person.name, 70, 140),
      field('户主或与户主关系', pick(random, ['户主', '妻', '子', '女']), 560, 140),
      field('曾用名', '', 70, 200),
      field('性别', person.sex, 560, 200),
      field('出生地', `${person.area.province}${person.area.county}`, 70, 260),
      field('民族', person.nation, 560, 260),
      field('籍贯', person.area.province, 70, 320),
      field('出生日期', chinese(person.birth), 560, 320),
      field('公民身份号码', person.idNumber, 70, 400, 14),
      field('文化程度', pick(random, ['大学本科', '高中', '初中', '硕士研究生']), 70, 480),
      field('婚姻状况', pick(random, ['已婚', '未婚']), 560, 480),
      field('兵役状况', '未服兵役', 70, 540),
      field('服务处所', '', 560, 540),
      field(
        '何时由何地迁来本址',
        `${randomInteger(random, 2000, 2022)}年由${pick(random, AREAS).city}迁来`,
        70,
        620,
      ),
    ],
    expected: { idNumber: person.idNumber },
    decorations:
      '<rect x="40" y="110" width="1020" height="600" fill="none" stroke="#9aa" stroke-width="2"/>',
  };
}

function marriageRecord(random: Random, divorce: boolean): Layout {
  const man = fictionalPerson(random, { sex: '男', born: [1960, 1998] });
  const woman = fictionalPerson(random, { sex: '女', born: [1960, 1998] });
  const holder = random() < 0.5 ? man : woman;
  const other = holder === man ? woman : man;
  const date = {
    year: randomInteger(random, 2021, 2025),
    month: randomInteger(random, 1, 12),
    day: randomInteger(random, 1, 28),
  };
  const number = `${divorce ? 'L' : 'J'}${holder.area.code}-${date.year}-${String(randomInteger(random, 1, 99999)).padStart(6, '0')}`;
  const sentence = divorce
    ? ['申请离婚，经审查符合《中华人民共和国民法典》', '关于双方自愿离婚的规定，准予登记，发给此证。']
    : ['申请结婚，经审查符合《中华人民共和国民法典》', '规定，予以登记，发给此证。'];
  return {
    type: divorce ? '离婚证' : '结婚证',
    width: 1100,
    height: 800,
    background: divorce ? '#f4f1ea' : '#fdf3f0',
    blocks: [
      block(divorce ? '离 婚 证' : '结 婚 证', 440, 30, 26, { bold: true, colour: '#9b1c1c' }),
      field('持证人', holder.name, 70, 130),
      field('登记日期', chinesePadded(date), 70, 190),
      field(divorce ? '离婚证字号' : '结婚证字号', number, 70, 250),
      block(sentence[0], 70, 320, 12),
      block(sentence[1], 70, 365, 12),
      field('姓名', holder.name, 70, 440),
      field('性别', holder.sex, 420, 440),
      field('国籍', '中国', 70, 495),
      field('出生日期', chinesePadded(holder.birth), 420, 495),
      field('身份证件号', holder.idNumber, 70, 550),
      field('姓名', other.name, 70, 620),
      field('性别', other.sex, 420, 620),
      field('身份证件号', other.idNumber, 70, 675),
      block('婚姻登记员', 760, 740, 11),
    ],
    expected: { idNumber: holder.idNumber },
    decorations:
      '<circle cx="880" cy="640" r="80" fill="none" stroke="#d33" stroke-width="5" opacity="0.6"/>',
  };
}

function propertyCertificate(random: Random): Layout {
  const owner = fictionalPerson(random);
  const area = owner.area;
  const year = randomInteger(random, 2016, 2025);
  const unit = `${area.code}${String(randomInteger(random, 1, 999)).padStart(6, '0')}GB${String(randomInteger(random, 1, 99999)).padStart(5, '0')}F${String(randomInteger(random, 1, 99999999)).padStart(8, '0')}`;
  return {
    type: '不动产权证书',
    width: 1100,
    height: 820,
    background: '#f6f8f2',
    blocks: [
      block('不动产权证书', 400, 30, 24, { bold: true }),
      block(
        `${area.short}（${year}）${area.county}不动产权第${String(randomInteger(random, 1, 9999999)).padStart(7, '0')}号`,
        70,
        110,
        13,
      ),
      field('权利人', owner.name, 70, 180),
      field('共有情况', pick(random, ['单独所有', '共同共有']), 70, 240),
      field('坐落', owner.address.slice(0, 20), 70, 300),
      field('不动产单元号', unit, 70, 360),
      field('权利类型', '国有建设用地使用权/房屋所有权', 70, 420),
      field('权利性质', '出让/商品房', 70, 480),
      field('用途', '城镇住宅用地/住宅', 70, 540),
      field(
        '面积',
        `共有宗地面积${randomInteger(random, 2000, 9000)}㎡/房屋建筑面积${randomInteger(random, 40, 160)}.${randomInteger(random, 10, 99)}㎡`,
        70,
        600,
      ),
      field('使用期限', `${year - 2}年至${year + 68}年`, 70, 660),
      field('权利其他状况', '', 70, 720),
    ],
    expected: {},
    decorations:
      '<rect x="40" y="160" width="1020" height="620" fill="none" stroke="#7a9" stroke-width="2"/>',
  };
}

function birthCertificate(random: Random): Layout {
  const mother = fictionalPerson(random, { sex: '女', born: [1980, 2000] });
  const father = fictionalPerson(random, { sex: '男', born: [1978, 2000] });
  const born = {
    year: randomInteger(random, 2020, 2025),
    month: randomInteger(random, 1, 12),
    day: randomInteger(random, 1, 28),
  };
  return {
    type: '出生医学证明',
    width: 1100,
    height: 820,
    background: '#f2f6fb',
    blocks: [
      block('出生医学证明', 400, 25, 24, { bold: true }),
      block('Medical Certificate of Birth', 410, 90, 12),
      field('新生儿姓名', fictionalName(random), 70, 160),
      field('性别', pick(random, ['男', '女']), 600, 160),
      field(
        '出生时间',
        `${chinesePadded(born)}${randomInteger(random, 0, 23)}时${randomInteger(random, 0, 59)}分`,
        70,
        220,
      ),
      field('出生孕周', `${randomInteger(random, 37, 41)}周`, 70, 280),
      field('出生体重', `${randomInteger(random, 2600, 4100)}克`, 600, 280),
      field('出生身长', `${randomInteger(random, 46, 54)}厘米`, 70, 340),
      field('出生地点', `${mother.area.province}${mother.area.county}`, 600, 340),
      field('医疗机构名称', `${mother.area.city}妇幼保健院`, 70, 400),
      field('母亲姓名', mother.name, 70, 470),
      field('年龄', `${born.year - mother.birth.year}`, 600, 470),
      field('身份证件号码', mother.idNumber, 70, 530),
      field('父亲姓名', father.name, 70, 600),
      field('年龄', `${born.year - father.birth.year}`, 600, 600),
      field('身份证件号码', father.idNumber, 70, 660),
      field(
        '出生证编号',
        `${pick(random, ['Q', 'R', 'S'])}${randomInteger(random, 100000000, 999999999)}`,
        70,
        740,
      ),
    ],
    expected: { idNumber: mother.idNumber },
    decorations:
      '<rect x="30" y="140" width="1040" height="650" fill="none" stroke="#8ab" stroke-width="2"/>',
  };
}

function bankCard(random: Random): Layout {
  const number = makeCardNumber(random);
  const grouped = `${number.slice(0, 6)} ${number.slice(6, 19)}`;
  return {
    type: '银行卡',
    width: 1000,
    height: 630,
    background: '#dfe9f3',
    blocks: [
      block(
        pick(random, ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行']),
        60,
        50,
        20,
        { bold: true, colour: '#8b1a1a' },
      ),
      block('借记卡', 60, 120, 13),
      block(grouped, 60, 380, 22, { bold: true }),
      block(
        `VALID THRU ${String(randomInteger(random, 1, 12)).padStart(2, '0')}/${randomInteger(random, 28, 35)}`,
        60,
        470,
        11,
      ),
      block('银联', 800, 470, 18, { bold: true, colour: '#b22' }),
      block('UnionPay', 790, 530, 12, { bold: true, colour: '#1a4d8b' }),
    ],
    expected: {},
    decorations: '<rect x="60" y="200" width="120" height="90" rx="12" fill="#d8c48a"/>',
  };
}

export const LAYOUTS: readonly ((random: Random) => Layout)[] = [
  idCardFront,
  idCardBack,
  businessLicence,
  householdRegister,
  (random) => marriageRecord(random, false),
  (random) => marriageRecord(random, true),
  propertyCertificate,
  birthCertificate,
  bankCard,
];

async function renderText(text: TextBlock): Promise<Buffer> {
  const weight = text.bold ? ' Bold' : '';
  const markup = `<span font="${FONT}${weight} ${text.size}" foreground="${text.colour ?? INK}">${text.text}</span>`;
  return sharp({ text: { text: markup, rgba: true, dpi: 150 } })
    .png()
    .toBuffer();
}

/** The document itself, as printed. */
export async function renderLayout(layout: Layout): Promise<Buffer> {
  const texts = await Promise.all(
    layout.blocks
      .filter((text) => text.text.replace(/<[^>]*>/g, '').trim() !== '')
      .map(async (text) => ({
        input: await renderText(text),
        left: text.x,
        top: text.y,
      })),
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}">
    <rect width="100%" height="100%" rx="24" fill="${layout.background}"/>${layout.decorations ?? ''}</svg>`;
  return sharp(Buffer.from(svg)).composite(texts).png().toBuffer();
}

/** The document photographed on a desk: a margin of darker surface around it. */
async function onDesk(card: Buffer, margin: number): Promise<sharp.Sharp> {
  return sharp(card).extend({
    top: margin,
    bottom: margin,
    left: margin,
    right: margin,
    background: '#8d8275',
  });
}

async function addNoise(image: Buffer, random: Random, amount: number): Promise<Buffer> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let index = 0; index < data.length; index += 1) {
    data[index] = Math.max(0, Math.min(255, data[index] + (random() - 0.5) * amount));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .png()
    .toBuffer();
}

async function spoil(
  card: Buffer,
  variant: SampleVariant,
  random: Random,
): Promise<{ image: Buffer; detail: string; contentType: DocumentSample['contentType'] }> {
  const desk = await (await onDesk(card, 40)).png().toBuffer();
  switch (variant) {
    case 'clean':
      return { image: desk, detail: 'clean', contentType: 'image/png' };
    case 'skewed': {
      const angle = pick(random, [-6, -4, -2.5, 2.5, 4, 6]);
      const image = await sharp(desk).rotate(angle, { background: '#8d8275' }).png().toBuffer();
      return { image, detail: `skewed ${angle}°`, contentType: 'image/png' };
    }
    case 'turned': {
      const turn = pick(random, [90, 180, 270]);
      return {
        image: await sharp(desk).rotate(turn).png().toBuffer(),
        detail: `turned ${turn}°`,
        contentType: 'image/png',
      };
    }
    case 'blurred': {
      const sigma = pick(random, [1.2, 1.6, 2]);
      return {
        image: await sharp(desk).blur(sigma).png().toBuffer(),
        detail: `blurred σ${sigma}`,
        contentType: 'image/png',
      };
    }
    case 'low-contrast': {
      // Washed out: the whole range squeezed into the upper third, as in a photo against the light.
      const image = await sharp(desk).linear(0.3, 165).png().toBuffer();
      return { image, detail: 'low contrast (0.3×+165)', contentType: 'image/png' };
    }
    case 'noisy-jpeg': {
      const noisy = await addNoise(desk, random, 70);
      return {
        image: await sharp(noisy).jpeg({ quality: 35 }).toBuffer(),
        detail: 'noise ±35, JPEG q35',
        contentType: 'image/jpeg',
      };
    }
  }
}

/** Every layout in every variant, each with its own fictional person or company. */
export async function renderDocumentSamples(
  options: { seed?: number; variants?: readonly SampleVariant[] } = {},
): Promise<DocumentSample[]> {
  const random = seededRandom(options.seed ?? 20_261_202);
  const samples: DocumentSample[] = [];
  for (const variant of options.variants ?? SAMPLE_VARIANTS) {
    for (const makeLayout of LAYOUTS) {
      const layout = makeLayout(random);
      const { image, detail, contentType } = await spoil(await renderLayout(layout), variant, random);
      samples.push({
        name: `${layout.type} / ${detail}`,
        type: layout.type,
        variant,
        expected: layout.expected,
        image,
        contentType,
      });
    }
  }
  return samples;
}

/** A blank sheet and a field of random noise: images with no document on them. */
export async function renderNonDocuments(): Promise<{ blank: Buffer; noise: Buffer }> {
  const blank = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const random = seededRandom(7);
  const grey = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  return { blank, noise: await addNoise(grey, random, 255) };
}

export { seededRandom };
