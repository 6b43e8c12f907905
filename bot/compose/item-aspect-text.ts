/**
 * The citizen-facing text of each aspect of an item, built only from the catalog record and the hall
 * layout. Short sentences, one fact per line, so the text reads well on a phone and aloud on the kiosk.
 * The item card shown below every item answer carries the full lists (materials, conditions,
 * process), so the text gives the key facts and counts and never repeats a list the card shows.
 * Each aspect also has a one-line brief, for a question that asks about several aspects at once.
 */
import type { ServiceItem, Theme } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { Aspect } from '../types.ts';
import { clause, itemSubject, joinList, numberedLines, sentence } from './chinese-format.ts';
import { describeItemPlace, describeSpecialWindow, findSpecialWindow, locateItem } from './hall-location.ts';
import { composeMaterialsText, materialsBrief } from './materials-list.ts';

export interface AspectContext {
  item: ServiceItem;
  hall: Hall;
  themes: Theme[];
}

// Only a fee field that says nothing but "free" is summarised; anything longer is quoted as written.
const isFree = (fee: string): boolean =>
  /^(不收费|免费|无|无收费|0|0元|不收取费用|免收费用)[。.]?$/.test(fee.trim());

/**
 * "承诺5个工作日内办结（法定时限20个工作日）" or "当场办结". A null limit is one the catalog does not set:
 * said as "无法定时限", never replaced by a number.
 */
export function timeSummary(item: ServiceItem): string {
  if (item.kind === '即办件') return '即办件，材料齐全、符合条件的当场办结';
  const { legalDays, promisedDays } = item;
  if (promisedDays === null) {
    return legalDays === null
      ? '无法定时限，事项清单也未设承诺时限'
      : `法定时限${legalDays}个工作日（事项清单未设承诺时限）`;
  }
  const promised = promisedDays === 0 ? '承诺当日办结' : `承诺${promisedDays}个工作日内办结`;
  if (legalDays === null) return `${promised}（无法定时限）`;
  return legalDays > 0 ? `${promised}（法定时限${legalDays}个工作日）` : promised;
}

export function visitsText(visits: number): string {
  return visits === 0 ? '全程网办，不用跑现场（零跑动）' : `最多跑${visits}次`;
}

/** The visits clause after a sentence that already says 全程网上办理, without saying it twice. */
function visitsAfterOnline(item: ServiceItem): string {
  return item.visits === 0 && item.online === '全程网办' ? '不用跑现场（零跑动）' : visitsText(item.visits);
}

function onlineSummary(item: ServiceItem): string {
  if (item.online === '全程网办') return '可以全程网上办理';
  if (item.online === '网上预审') return '可以网上预审，再到窗口办理';
  return '暂不能网上办理，需要到窗口办理';
}

function themesOf(item: ServiceItem, themes: Theme[]): Theme[] {
  return themes.filter((theme) => theme.items.includes(item.id) || item.themes.includes(theme.name));
}

// Longer condition lists are cut to the first two so a brief stays readable on a phone.
const CONDITIONS_SUMMARY_MAX_CHARS = 120;

/** "申请条件（共N项）：A；B。" — every condition when short, otherwise the first two and where the rest are. */
export function conditionsSummary(conditions: string[]): string {
  const header = `申请条件（共${conditions.length}项）：`;
  const clauses = conditions.map(clause);
  const all = clauses.join('；');
  if (all.length <= CONDITIONS_SUMMARY_MAX_CHARS) return `${header}${all}。`;
  return `${header}${clauses.slice(0, 2).join('；')}等，全部条件见下方卡片。`;
}

/**
 * A 行政给付 or subsidy item: the citizen receives money, so "多少钱" asks how much, not what the
 * application costs.
 */
export function isBenefitItem(item: ServiceItem): boolean {
  return item.type === '行政给付' || item.benefit !== undefined;
}

/** "办理本身不收费。" — the application fee, said after the answer about the benefit itself. */
function applicationFee(item: ServiceItem): string {
  return isFree(item.fee) ? '办理本身不收费。' : `办理本身的收费：${sentence(item.fee)}`;
}

/** Where to ask about an amount the catalog does not give: the item's phone, else the hall's, and the window. */
function whereToAskAmount(item: ServiceItem, hall: Hall): string {
  const phone = item.phone ? item.phone : `${hall.phone}（大厅咨询电话）`;
  return `拨打咨询电话${phone}，或到${describeItemPlace(item, locateItem(item, hall))}询问`;
}

function benefitAnswer({ item, hall }: AspectContext): string {
  const benefit = item.benefit;
  if (benefit?.amount) {
    const lines = [`“${item.name}”的发放标准：${sentence(benefit.amount)}`];
    if (benefit.basis) lines.push(`标准依据：${sentence(benefit.basis)}`);
    if (benefit.note) lines.push(sentence(benefit.note));
    lines.push(applicationFee(item));
    return lines.join('\n');
  }
  return [
    `事项清单中没有列出“${item.name}”能领取的具体金额。`,
    '领取标准由相关政策规定，具体金额要根据您本人的情况核定。',
    `想了解您能领多少，可以${whereToAskAmount(item, hall)}。`,
    applicationFee(item),
  ].join('\n');
}

function benefitBrief({ item, hall }: AspectContext): string {
  const benefit = item.benefit;
  if (benefit?.amount) {
    const note = benefit.note ? sentence(benefit.note) : '';
    return `发放标准：${sentence(benefit.amount)}${note}${applicationFee(item)}`;
  }
  // One line among others: the window is in the card (and often in the line above), the phone is enough.
  const phone = item.phone ? item.phone : `${hall.phone}（大厅咨询电话）`;
  return `能领多少：事项清单中没有列出具体金额，标准由相关政策规定、按您本人的情况核定，可以拨打咨询电话${phone}或到办理窗口询问。${applicationFee(item)}`;
}

/** "申请条件共2项，申请材料共6项，办理流程共5个环节，详见下方卡片。" — the lists stay in the card. */
function listCounts(item: ServiceItem): string | undefined {
  const counts: string[] = [];
  if (item.conditions.length > 0) counts.push(`申请条件共${item.conditions.length}项`);
  if (item.materials.length > 0) counts.push(`申请材料共${item.materials.length}项`);
  if (item.process.length > 0) counts.push(`办理流程共${item.process.length}个环节`);
  return counts.length > 0 ? `${counts.join('，')}，详见下方卡片。` : undefined;
}

function overview({ item, hall, themes }: AspectContext): string {
  const location = locateItem(item, hall);
  const lines = [`【${item.name}】`, `办理部门：${sentence(item.department)}`];
  lines.push(`办理地点：${describeItemPlace(item, location)}。`);
  lines.push(`办理时限：${timeSummary(item)}。`);
  if (isBenefitItem(item)) {
    if (item.benefit?.amount) lines.push(`发放标准：${sentence(item.benefit.amount)}`);
    lines.push(`办理收费：${isFree(item.fee) ? '不收费。' : sentence(item.fee)}`);
  } else {
    lines.push(`收费：${isFree(item.fee) ? '不收费。' : sentence(item.fee)}`);
  }
  lines.push(`网上办理：${onlineSummary(item)}，${visitsAfterOnline(item)}。`);
  const counts = listCounts(item);
  if (counts) lines.push(counts);
  const related = themesOf(item, themes);
  if (related.length > 0) {
    lines.push(
      `本事项可作为${joinList(related.map((theme) => `“${theme.name}”`))}的一部分，与相关事项一起办理。`,
    );
  }
  return lines.join('\n');
}

function time({ item }: AspectContext): string {
  const lines: string[] = [];
  const { legalDays, promisedDays } = item;
  if (item.kind === '即办件') {
    lines.push(`“${item.name}”是即办件：材料齐全、符合条件的，当场办结。`);
    if (legalDays === null) lines.push('本事项无法定时限。');
    else if (legalDays > 0) lines.push(`法定时限为${legalDays}个工作日。`);
  } else {
    lines.push(`“${item.name}”是承诺件。`);
    if (promisedDays === null) lines.push('承诺时限：事项清单未设承诺时限。');
    else lines.push(promisedDays === 0 ? '承诺时限：当日办结。' : `承诺时限：${promisedDays}个工作日。`);
    if (legalDays === null) lines.push('法定时限：无法定时限。');
    else if (legalDays > 0) lines.push(`法定时限：${legalDays}个工作日。`);
    if (legalDays !== null && promisedDays !== null && legalDays > promisedDays) {
      lines.push('实际按承诺时限办理，比法定时限更快。');
    }
    if (legalDays !== null || promisedDays !== null) {
      lines.push('时限从受理之日起按工作日计算，不含法定节假日。');
    } else {
      lines.push('具体办理时间请向办理窗口咨询。');
    }
  }
  if (item.commitment) {
    lines.push(
      '本事项实行告知承诺制：您书面承诺符合条件、并按要求提交材料的，可以按承诺办理，减少证明材料。',
    );
  }
  return lines.join('\n');
}

function fee(context: AspectContext): string {
  const { item } = context;
  if (isBenefitItem(item)) return benefitAnswer(context);
  if (isFree(item.fee)) return `“${item.name}”不收费。`;
  const lines = [`“${item.name}”的收费标准：${sentence(item.fee)}`];
  if (item.feeBasis) lines.push(`收费依据：${sentence(item.feeBasis)}`);
  return lines.join('\n');
}

function where({ item, hall }: AspectContext): string {
  const location = locateItem(item, hall);
  const lines = [`${itemSubject(item.name)}，请到${describeItemPlace(item, location)}。`];
  if (location.zone?.description) lines.push(`${item.zone}专区办理：${sentence(location.zone.description)}`);
  if (location.hours) lines.push(`办理时间：${sentence(location.hours)}`);
  const address = item.address ?? hall.address;
  lines.push(`地址：${sentence(address)}`);
  const helper = findSpecialWindow(hall, '帮办代办');
  if (helper) lines.push(`如需帮助，可以到${describeSpecialWindow(helper)}，工作人员可以为您帮办代办。`);
  return lines.join('\n');
}

function online({ item }: AspectContext): string {
  const lines: string[] = [];
  if (item.online === '全程网办') lines.push(`“${item.name}”可以全程网上办理。`);
  else if (item.online === '网上预审') {
    lines.push(`“${item.name}”可以先在网上提交材料预审，预审通过后再到窗口办理。`);
  } else lines.push(`“${item.name}”暂不能网上办理，需要到窗口办理。`);
  if (item.onlineUrl && item.online !== '线下办理') lines.push(`办理渠道：${sentence(item.onlineUrl)}`);
  lines.push(`${visitsAfterOnline(item)}。`);
  return lines.join('\n');
}

function conditions({ item }: AspectContext): string {
  if (item.conditions.length === 0) return `事项清单中没有列出“${item.name}”的特别申请条件。`;
  return [
    `${itemSubject(item.name)}需要符合以下条件：`,
    ...numberedLines(item.conditions.map(sentence)),
  ].join('\n');
}

function process({ item }: AspectContext): string {
  if (item.process.length === 0) return `事项清单中没有列出“${item.name}”的办理流程，请到窗口咨询。`;
  const lines = [`“${item.name}”的办理流程：`, ...numberedLines(item.process.map(clause))];
  lines.push(`共${item.process.length}个环节，${timeSummary(item)}。`);
  return lines.join('\n');
}

function basis({ item }: AspectContext): string {
  if (item.basis.length === 0) return `事项清单中没有列出“${item.name}”的设定依据。`;
  return [`“${item.name}”的设定依据：`, ...numberedLines(item.basis.map(clause))].join('\n');
}

function contact({ item, hall }: AspectContext): string {
  const location = locateItem(item, hall);
  const lines = [`“${item.name}”的咨询方式：`];
  lines.push(item.phone ? `咨询电话：${item.phone}。` : `咨询电话：${hall.phone}（大厅咨询电话）。`);
  if (location.hours) lines.push(`办理时间：${sentence(location.hours)}`);
  lines.push(`地址：${sentence(item.address ?? hall.address)}`);
  lines.push(`窗口：${describeItemPlace(item, location)}。`);
  if (item.complaintChannel) lines.push(`监督投诉：${sentence(item.complaintChannel)}`);
  return lines.join('\n');
}

export const ASPECT_TEXT: Record<Aspect, (context: AspectContext) => string> = {
  overview,
  materials: ({ item }) => composeMaterialsText(item),
  time,
  fee,
  where,
  online,
  conditions,
  process,
  basis,
  contact,
};

/** The aspects that have a one-line brief: an overview is what the card itself gives. */
export type BriefAspect = Exclude<Aspect, 'overview'>;

/** One line per aspect, "标签：内容", for an answer to several aspects of one item at once. */
export const ASPECT_BRIEF: Record<BriefAspect, (context: AspectContext) => string> = {
  materials: ({ item }) => materialsBrief(item),
  time: ({ item }) => `办理时限：${timeSummary(item)}。`,
  fee: (context) => {
    const { item } = context;
    if (isBenefitItem(item)) return benefitBrief(context);
    return `收费：${isFree(item.fee) ? '不收费。' : sentence(item.fee)}`;
  },
  where: ({ item, hall }) => `办理地点：${describeItemPlace(item, locateItem(item, hall))}。`,
  online: ({ item }) => {
    const channel = item.onlineUrl && item.online !== '线下办理' ? `（${clause(item.onlineUrl)}）` : '';
    return `网上办理：${onlineSummary(item)}${channel}，${visitsAfterOnline(item)}。`;
  },
  conditions: ({ item }) =>
    item.conditions.length > 0
      ? conditionsSummary(item.conditions)
      : '申请条件：事项清单中没有列出特别条件。',
  process: ({ item }) =>
    item.process.length > 0
      ? `办理流程（共${item.process.length}个环节）：${item.process.map(clause).join('；')}。`
      : '办理流程：事项清单中没有列出，请到窗口咨询。',
  basis: ({ item }) =>
    item.basis.length > 0
      ? `设定依据：${item.basis.map(clause).join('；')}。`
      : '设定依据：事项清单中没有列出。',
  contact: ({ item, hall }) => `咨询电话：${item.phone ? item.phone : `${hall.phone}（大厅咨询电话）`}。`,
};

/** The record field each aspect cites. */
export const ASPECT_LOCATOR: Record<Aspect, string> = {
  overview: '基本信息',
  materials: '申请材料',
  time: '办理时限',
  fee: '收费标准',
  where: '办理地点',
  online: '网上办理',
  conditions: '受理条件',
  process: '办理流程',
  basis: '设定依据',
  contact: '咨询方式',
};

/** The record field an aspect of this item cites: the benefit standard when "多少钱" is about it. */
export function aspectLocator(aspect: Aspect, item: ServiceItem): string {
  if (aspect === 'fee' && isBenefitItem(item) && item.benefit?.amount) return '发放标准';
  return ASPECT_LOCATOR[aspect];
}

/** Whether the answer about an aspect also names places or phones of the hall layout. */
export function aspectUsesHall(aspect: Aspect, item: ServiceItem): boolean {
  if (aspect === 'where' || aspect === 'overview' || aspect === 'contact') return true;
  return aspect === 'fee' && isBenefitItem(item) && !item.benefit?.amount;
}
