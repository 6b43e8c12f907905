/**
 * Which aspect of an item a question asks about, recognised from the words citizens use ("要带啥",
 * "几号窗口", "多少钱"). The matched phrases are also removed before item search, so that the item
 * is found from what remains ("护照要带啥" → "护照").
 */
import type { Aspect } from '../types.ts';

export const ASPECT_PATTERNS: Array<[Exclude<Aspect, 'overview'>, RegExp]> = [
  [
    'materials',
    /(申请|所需|需要|要|得|该)?(准备|提交|提供|携带|带|拿|交)?(哪些|什么|啥|些什么|几样|哪几样)?(材料|资料|证件|证明|东西|手续|文件)(清单)?|要带(什么|啥|哪些)|带(什么|啥|哪些)(东西|证|材料)?|(带|拿|准备)(点)?啥|what (documents|papers|materials)|documents? (do i )?need|\bmaterials?\b|\bbring\b/gu,
  ],
  [
    'time',
    /多(久|长时间|少天|少个工作日)|几天|(几|多少)个?(工作)?日|时限|期限|多快|(什么|啥)时候(能|可以)?(拿|领|办好|出|下来)|当(天|场)(能|可以)?(办|拿|出)?|立等可取|要等|等多久|\bhow long\b|\bhow many days\b/gu,
  ],
  [
    'fee',
    /多少钱|收费|(收|交|花|要)(不)?(钱|费)|费用|免费|价格|工本费|\bhow much\b|\bfee\b|\bcost\b|\bcharge\b/gu,
  ],
  [
    'where',
    /(在|去|到)(哪里|哪儿|哪个地方|什么地方|哪)(办|去|交|递|申请|领)?|哪(里|儿)(办|去|能办)|几号窗口|哪个窗口|(几|哪)(个)?楼|窗口(在哪|是几号)?|怎么走|地址|\bwhere\b/gu,
  ],
  [
    'online',
    /网上|网办|线上|手机(上)?|掌上|\bapp\b|爱山东|不用(跑|去|到现场)|(在家|远程)(办|申请)?|跑(几|多少)(趟|次)|\bonline\b|\binternet\b/gu,
  ],
  [
    'conditions',
    /条件|资格|符合|够(不够)?格|要求|(谁|哪些人)(能|可以)(办|申请)|\beligib\w*\b|\brequirements?\b|\bqualif\w*\b/gu,
  ],
  ['process', /流程|步骤|程序|(办理|申请)(过程|环节)|先(干|做)?什么|\bprocess\b|\bprocedure\b|\bsteps\b/gu],
  ['basis', /依据|法律|法规|规定|根据(什么|啥)|\blegal basis\b/gu],
  [
    'contact',
    /电话|联系方式|咨询热线|热线|上班时间|办公时间|几点(上班|下班|开门|关门)|(周六|周日|周末|星期[六天日]|礼拜[六天日]|节假日|中午|晚上)(上班|办公|开门|能办|可以办|办不办|有人)?吗?|(上班|开门)吗|\bphone\b|\bcontact\b|\bopening hours\b/gu,
  ],
];

export function detectAspect(text: string): { aspect?: Exclude<Aspect, 'overview'>; rest: string } {
  let aspect: Exclude<Aspect, 'overview'> | undefined;
  let rest = text;
  let earliest = Number.POSITIVE_INFINITY;
  for (const [name, pattern] of ASPECT_PATTERNS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match && match.index < earliest) {
      // The first aspect mentioned is the one asked about ("多少钱，要带什么" → fee, then materials).
      earliest = match.index;
      aspect = name;
    }
    if (match) rest = rest.replace(pattern, ' ');
  }
  return { aspect, rest };
}
