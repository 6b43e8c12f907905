/**
 * How a catalog or hall value reads in the console's difference view: one line per list entry,
 * 是/否 for flags, objects as 「名称：值」 pairs in a fixed order, so that equal values always read
 * the same and unequal values never do.
 */

export function displayLines(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((entry) => displayLines(entry).join('；') || []);
  return [displayText(value)];
}

/** Chinese names of the keys inside nested values (hotline, portals, benefit, progress lookup). */
const KEY_LABELS: Record<string, string> = {
  name: '名称',
  url: '网址',
  app: '移动端',
  number: '号码',
  amount: '标准',
  basis: '依据',
  note: '说明',
  description: '说明',
  portals: '平台',
  section: '栏目',
  other: '其他方式',
  floor: '楼层',
};

function displayText(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value)
      .sort()
      .map((key) => [key, displayLines((value as Record<string, unknown>)[key]).join('、')])
      .filter(([, text]) => text !== '')
      .map(([key, text]) => `${KEY_LABELS[key] ?? key}：${text}`)
      .join('；');
  }
  return String(value);
}
