/**
 * Stable keys for situation questions. A condition phrase is classified by what it is about
 * (委托/代办 → `agent`, 未满N周岁/监护 → `minor` …), so that a hall's forms and tests can send
 * `{ "agent": true }` for any item; phrases no class fits are numbered `c1`, `c2` … in the order of
 * the item's questions. The classes are checked in order: the first that fits wins.
 */
const CONDITION_CLASSES: Array<[string, RegExp]> = [
  ['face', /人脸识别/],
  ['agent', /委托|代办|代为(办理|申请|申报|查询)/],
  ['minor', /未满\d+周岁|未成年|监护|无民事行为能力|限制民事行为能力/],
  ['rent', /租房|租赁|房租|承租/],
  ['nonLocal', /非本市户籍|外地|外省|异地/],
  ['commitment', /告知承诺/],
  ['propertyRegistered', /已(办理|取得)不动产(登记|权证书)/],
  ['licensed', /已领取营业执照/],
  ['spouse', /配偶|夫妻/],
  ['inheritance', /继承|遗赠/],
  ['damaged', /损坏|损毁|遗失|丢失/],
  ['disabled', /残疾/],
  ['company', /企业|公司|用人单位/],
];

/** Keys for conditions in order; a class used twice in one item gets `agent2`, `agent3` …. */
export function conditionKeys(conditions: Array<{ text: string; classify: boolean }>): string[] {
  const used = new Map<string, number>();
  let numbered = 0;
  return conditions.map(({ text, classify }) => {
    const known = classify ? CONDITION_CLASSES.find(([, pattern]) => pattern.test(text))?.[0] : undefined;
    if (!known) {
      numbered += 1;
      return `c${numbered}`;
    }
    const count = (used.get(known) ?? 0) + 1;
    used.set(known, count);
    return count === 1 ? known : `${known}${count}`;
  });
}
