/**
 * Answers questions about the hall itself (hours, address, parking, special windows, zones, floors …)
 * from hall.json. Conservative by design: the question must consist only of hall vocabulary and
 * filler words; if anything else is left (a service such as 社保卡, 营业执照) the question belongs to
 * item understanding and this returns undefined.
 */
import { ZONES } from '../../knowledge/catalog/schema.ts';
import { hotlineOf, hotlineText } from '../../knowledge/hall/hall-facts.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';
import { floorAndArea, floorLabel, sentence } from '../compose/chinese-format.ts';
import { HAND_OVER_REPLY, type Composed } from '../compose/composed.ts';
import {
  describeSpecialWindow,
  findSpecialWindow,
  findWindow,
  type SpecialWindowKind,
} from '../compose/hall-location.ts';
import { dedupeLines } from './dedupe-lines.ts';
import { FILLER_WORDS, HALL_TOPICS, type HallTopic, type HallTopicId } from './hall-topics.ts';

const LOCATION_WORDS = /几楼|哪层|哪一层|几层|在哪|哪里|哪儿|怎么走|怎么去|位置|专区|窗口/;
/** A citizen announcing a complaint or asking for staff wants a hand-over, not directions. */
const HAND_OVER_REQUEST = /我要(投诉|举报|反映)|转人工|人工服务|找人工/;

const escapeForPattern = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function removeWords(text: string, words: string[]): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(sorted.map(escapeForPattern).join('|'), 'g'), '');
}

interface Recognised {
  topics: HallTopic[];
  zones: string[];
  windows: string[];
}

interface RecognisedQuestion extends Recognised {
  normalized: string;
}

/**
 * Window numbers as this hall writes them: a letter its windows use and two digits ("a03", "z01"),
 * so another hall's numbering is read the same way without a list of letters in code.
 */
function windowIdPattern(hall: Hall): RegExp | undefined {
  const letters = [
    ...new Set(
      hall.windows
        .map((window) => window.id.match(/^([A-Za-z])\d/)?.[1]?.toLowerCase())
        .filter((letter): letter is string => letter !== undefined),
    ),
  ];
  return letters.length > 0
    ? new RegExp(`(?<![a-z0-9])[${letters.join('')}]\\d{2}(?![0-9])`, 'g')
    : undefined;
}

function recognise(text: string, hall: Hall): RecognisedQuestion | undefined {
  const windowId = windowIdPattern(hall);
  const normalized = normalizeForMatch(text).replace(/\s+/g, '');
  if (!normalized || HAND_OVER_REQUEST.test(normalized)) return undefined;
  const topics = HALL_TOPICS.filter(
    (topic) =>
      topic.words.some((word) => normalized.includes(word)) &&
      (!topic.requires || topic.requires.test(normalized)),
  );
  const hasLocationWord = LOCATION_WORDS.test(normalized);
  const zones = hasLocationWord ? ZONES.filter((zone) => normalized.includes(zone)) : [];
  const windows =
    hasLocationWord && windowId
      ? [...normalized.matchAll(windowId)].map((match) => match[0].toUpperCase())
      : [];
  if (topics.length === 0 && zones.length === 0 && windows.length === 0) return undefined;
  const vocabulary = [
    ...topics.flatMap((topic) => topic.words),
    ...zones.flatMap((zone) => [`${zone}专区`, `${zone}区`, zone]),
    '专区',
    ...FILLER_WORDS,
  ];
  const withoutIds = windowId ? normalized.replace(windowId, '') : normalized;
  const residual = removeWords(withoutIds, vocabulary).replace(/[\s\d]/g, '');
  return residual === '' ? { topics, zones, windows, normalized } : undefined;
}

const notesAbout = (hall: Hall, pattern: RegExp): string[] => hall.notes.filter((note) => pattern.test(note));

function specialWindowLines(hall: Hall, kind: SpecialWindowKind): string[] {
  const window = findSpecialWindow(hall, kind);
  if (!window) return [];
  const lines = [`${window.name}在${floorLabel(window.floor)}，窗口号${window.id}。`];
  if (window.description) lines.push(sentence(window.description));
  if (window.hours) lines.push(`服务时间：${sentence(window.hours)}`);
  if (window.phone) lines.push(`电话：${window.phone}。`);
  return lines;
}

function fallback(hall: Hall): string[] {
  const consulting = findSpecialWindow(hall, '综合咨询');
  const place = consulting ? `到${describeSpecialWindow(consulting)}询问，或` : '';
  return [`大厅信息中没有这方面的具体说明。请${place}拨打大厅咨询电话${hall.phone}。`];
}

const withFallback = (hall: Hall, lines: string[]): string[] => (lines.length > 0 ? lines : fallback(hall));

const hoursLines = (hall: Hall): string[] => [`${hall.name}的办公时间：${sentence(hall.hours)}`];

const MIDDAY = /中午|午间|午休/;

/**
 * A question about 中午 is answered with the midday arrangement first ("工作日中午 12:00-13:30 综合咨询窗口
 * 值守"), taken from the hours field or else a note, then the rest of the hours; the repeated note is
 * removed later by dedupeLines.
 */
function noonLines(hall: Hall): string[] {
  const segments = hall.hours
    .split(/[；;]/)
    .map((segment) => segment.trim())
    .filter(Boolean);
  const midday = segments.filter((segment) => MIDDAY.test(segment));
  const noteClauses = hall.notes
    .flatMap((note) => note.replace(/^[^：:，,。；;]{1,8}[：:]/, '').split(/[；;。]/))
    .map((entry) => entry.trim())
    .filter((entry) => MIDDAY.test(entry));
  const lead = midday.length > 0 ? midday : noteClauses.slice(0, 1);
  if (lead.length === 0) return hoursLines(hall);
  const rest = segments.filter((segment) => !MIDDAY.test(segment));
  const lines = [`中午时段：${sentence(lead.join('；'))}`];
  if (rest.length > 0) lines.push(`${hall.name}的办公时间：${sentence(rest.join('；'))}`);
  return lines;
}

/** Notes that mention one of the words the citizen actually used (卫生间 must not answer with 母婴室). */
function notesAboutAsked(hall: Hall, question: string, topicId: HallTopicId): string[] {
  const topic = HALL_TOPICS.find((entry) => entry.id === topicId);
  const asked = (topic?.words ?? []).filter((word) => question.includes(word));
  return hall.notes.filter((note) => asked.some((word) => note.toLowerCase().includes(word)));
}

/**
 * The hall's phone, then the hotline: as a note words it when one does, else plainly — unless it is
 * the hall's phone itself, or the hall names no hotline (the national default is then not repeated).
 */
function phoneLines(hall: Hall): string[] {
  const { number, name } = hotlineOf(hall);
  const notes = notesAbout(hall, new RegExp(`热线|${escapeForPattern(number)}`));
  const plain = hall.hotline && number !== hall.phone && !notes.some((note) => note.includes(number));
  return [`大厅咨询电话：${hall.phone}。`, ...(plain ? [`${name}：${number}。`] : []), ...notes];
}

/** Hours written as 周一至周五 with no weekend mentioned say plainly that weekends are closed. */
function weekendLines(hall: Hall): string[] {
  const weekdaysOnly =
    /周一至周五|星期一至星期五/.test(hall.hours) && !/周六|周日|周末|星期六|星期日/.test(hall.hours);
  return weekdaysOnly ? ['按上述办公时间，周六、周日和法定节假日不对外办公。'] : [];
}

const TOPIC_ANSWERS: Record<HallTopicId, (hall: Hall, question: string) => string[]> = {
  weekend: (hall) => [
    ...hoursLines(hall),
    ...weekendLines(hall),
    ...notesAbout(hall, /周末|周六|周日|双休|节假日|延时/),
  ],
  noon: (hall) => [...noonLines(hall), ...notesAbout(hall, /中午|午间|午休|延时|不间断/)],
  hours: (hall) => [...hoursLines(hall), ...notesAbout(hall, /延时|午间|中午|周末/)],
  address: (hall) => [
    `${hall.name}的地址：${sentence(hall.address)}`,
    ...notesAbout(hall, /公交|地铁|乘车|路线|导航/),
  ],
  phone: (hall) => phoneLines(hall),
  parking: (hall) => withFallback(hall, notesAbout(hall, /停车|车位/)),
  appointment: (hall) => withFallback(hall, notesAbout(hall, /预约|取号|排号|叫号|排队/)),
  // Asked about home visits, the note that offers 预约上门服务 comes first.
  helper: (hall, question) =>
    withFallback(
      hall,
      /上门|行动不便/.test(question)
        ? [
            ...notesAbout(hall, /上门/),
            ...specialWindowLines(hall, '帮办代办'),
            ...notesAbout(hall, /帮办|代办/),
          ]
        : [...specialWindowLines(hall, '帮办代办'), ...notesAbout(hall, /帮办|代办/)],
    ),
  crossRegion: (hall) =>
    withFallback(hall, [...specialWindowLines(hall, '跨区域通办'), ...notesAbout(hall, /通办/)]),
  cannotBeDone: (hall) =>
    withFallback(hall, [...specialWindowLines(hall, '办不成事反映'), ...notesAbout(hall, /办不成/)]),
  consulting: (hall) =>
    withFallback(hall, [...specialWindowLines(hall, '综合咨询'), ...notesAbout(hall, /咨询|导办/)]),
  selfService: (hall) =>
    withFallback(hall, [
      ...notesAbout(hall, /自助/),
      ...hall.floors
        .filter((floor) => /自助/.test(`${floor.name}${floor.description ?? ''}`))
        .map((floor) => `${floorLabel(floor.floor)}：${sentence(floor.description ?? floor.name)}`),
    ]),
  printing: (hall, question) => withFallback(hall, notesAboutAsked(hall, question, 'printing')),
  feedback: (hall) => {
    const notes = notesAbout(hall, /好差评|评价|投诉|举报|意见|建议|监督/);
    // The hotline once: a note that already gives its number is enough.
    const hotline = notes.some((note) => note.includes(hotlineOf(hall).number))
      ? []
      : [`您也可以拨打${hotlineText(hall)}反映意见。`];
    return [...notes, ...specialWindowLines(hall, '办不成事反映'), ...hotline];
  },
  mail: (hall) => withFallback(hall, notesAbout(hall, /邮寄|快递|寄递/)),
  amenities: (hall, question) => withFallback(hall, notesAboutAsked(hall, question, 'amenities')),
  floors: (hall) =>
    [...hall.floors]
      .sort((a, b) => a.floor - b.floor)
      .map((floor) => {
        const zones = hall.zones
          .filter((zone) => zone.floor === floor.floor)
          .map((zone) => `${zone.name}专区`);
        const specials = hall.windows
          .filter((window) => window.floor === floor.floor && window.special)
          .map((window) => `${window.name}（${window.id}）`);
        const parts = [...specials, ...zones];
        const label =
          floor.name && floor.name !== floorLabel(floor.floor)
            ? `${floorLabel(floor.floor)}（${floor.name}）`
            : floorLabel(floor.floor);
        return `${label}：${parts.length > 0 ? parts.join('、') : (floor.description ?? '')}。`;
      }),
};

function zoneLines(hall: Hall, zoneName: string): string[] {
  const zone = hall.zones.find((entry) => entry.name === zoneName);
  if (!zone) return [];
  const windows =
    zone.windows.length > 0 ? `，窗口${zone.windows[0]}至${zone.windows[zone.windows.length - 1]}` : '';
  const lines = [`${zone.name}专区在${floorAndArea(zone.floor, zone.area)}${windows}。`];
  if (zone.description) lines.push(sentence(zone.description));
  return lines;
}

function windowLines(hall: Hall, id: string): string[] {
  const window = findWindow(hall, id);
  if (!window) return [];
  const zone = window.zone ? `${window.zone}专区，` : '';
  return [`${window.id}号窗口（${window.name}）在${floorLabel(window.floor)}，${zone}请按指示牌前往。`];
}

/** Follow-ups a citizen may tap; the 帮办代办 one only where the hall has that window. */
const hallQuickReplies = (hall: Hall): string[] => [
  '大厅几点上班',
  '大厅地址在哪里',
  ...(findSpecialWindow(hall, '帮办代办') ? ['帮办代办窗口在哪'] : []),
  HAND_OVER_REPLY,
];

/** The hall's answer to `text`, or undefined when the question is not (only) about the hall. */
export function answerHallQuestion(text: string, hall: Hall): Composed | undefined {
  const recognised = recognise(text, hall);
  if (!recognised) return undefined;
  const lines: string[] = [];
  const locators: string[] = [];
  for (const id of recognised.windows) lines.push(...windowLines(hall, id));
  for (const zone of recognised.zones) lines.push(...zoneLines(hall, zone));
  if (recognised.windows.length + recognised.zones.length > 0) locators.push('大厅布局');
  // Zone or window questions already say where; floor and address topics would only repeat it.
  const topics = recognised.topics.filter(
    (topic) => lines.length === 0 || (topic.id !== 'floors' && topic.id !== 'address'),
  );
  // Hours topics overlap (周末 also matches 上班); the first, most specific one is enough.
  const hoursTopics = new Set<HallTopicId>(['weekend', 'noon', 'hours']);
  let hoursAnswered = false;
  for (const topic of topics.slice(0, 3)) {
    if (hoursTopics.has(topic.id)) {
      if (hoursAnswered) continue;
      hoursAnswered = true;
    }
    lines.push(...TOPIC_ANSWERS[topic.id](hall, recognised.normalized));
    locators.push(topic.locator);
  }
  if (lines.length === 0) return undefined;
  const unique = dedupeLines([...new Set(lines)]);
  return {
    answer: unique.join('\n'),
    citations: [...new Set(locators)].map((locator) => ({ source: 'hall', title: hall.name, locator })),
    quickReplies: hallQuickReplies(hall),
  };
}
