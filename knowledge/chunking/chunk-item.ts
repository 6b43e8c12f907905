/**
 * Chunking a catalog item: one chunk per field (name, aliases, conditions, materials, department,
 * process, basis, and a summary of fee, time limits and where to go), so retrieval can tell *which
 * aspect* of an item matched. Each chunk starts with the item's name so it reads alone.
 */
import type { ServiceItem, Material } from '../catalog/schema.ts';
import type { Chunk } from '../contracts.ts';
import { contentHash } from './content-hash.ts';

const numbered = (lines: string[]): string => lines.map((line, index) => `${index + 1}. ${line}`).join('\n');

function describeMaterial(material: Material): string {
  const details = [`${material.form} ${material.copies} 份`];
  if (material.required === '容缺') details.push('可容缺后补');
  if (material.required === '情形' && material.when) details.push(`${material.when}时提供`);
  else if (material.when) details.push(material.when);
  if (material.exempt) details.push(material.exemptNote ?? '免提交');
  if (material.note) details.push(material.note);
  return `${material.name}（${details.join('；')}）`;
}

// A null limit (无法定时限) is said as such, never as a number.
const legalText = (item: ServiceItem): string =>
  item.legalDays === null ? '无法定时限' : `法定时限 ${item.legalDays} 个工作日`;

function timeLimits(item: ServiceItem): string {
  if (item.kind === '即办件') return `即办件，符合条件的当场办结（${legalText(item)}）`;
  const promised = item.promisedDays === null ? '未设承诺时限' : `承诺 ${item.promisedDays} 个工作日办结`;
  return `承诺件，${promised}（${legalText(item)}）`;
}

function summaryOf(item: ServiceItem): string {
  const parts = [
    `收费标准：${item.fee}`,
    `办理时限：${timeLimits(item)}`,
    `告知承诺制：${item.commitment ? '实行' : '不实行'}`,
    `跑动次数：${item.visits} 次`,
    `网办深度：${item.online}`,
    `办理地点：${item.address ?? `${item.zone}专区 ${item.window} 窗口`}`,
  ];
  if (item.hours) parts.push(`办公时间：${item.hours}`);
  if (item.phone) parts.push(`咨询电话：${item.phone}`);
  if (item.onlineUrl) parts.push(`网上办理：${item.onlineUrl}`);
  // Optional fields of provincial exports, only when the catalog has them.
  if (item.feeBasis) parts.push(`收费依据：${item.feeBasis}`);
  if (item.appointment !== undefined) parts.push(`预约办理：${item.appointment ? '支持' : '不支持'}`);
  if (item.delivery !== undefined) parts.push(`物流快递：${item.delivery ? '支持' : '不支持'}`);
  if (item.complaintChannel) parts.push(`监督投诉：${item.complaintChannel}`);
  return parts.join('\n');
}

/** Field → [label used in text and locator, body]; empty bodies produce no chunk. */
function fieldsOf(item: ServiceItem): Array<[field: string, label: string, body: string]> {
  return [
    ['name', '事项名称', `${item.name}（${item.type}）`],
    ['aliases', '别名', item.aliases.join('、')],
    ['conditions', '受理条件', numbered(item.conditions)],
    ['materials', '申请材料', numbered(item.materials.map(describeMaterial))],
    ['department', '实施部门', `${item.department}；所属专区：${item.zone}；办理窗口：${item.window}`],
    ['process', '办理流程', item.process.join(' → ')],
    ['basis', '设定依据', item.basis.join('\n')],
    ['summary', '收费、时限和地点', summaryOf(item)],
    [
      'extra',
      '其他信息',
      Object.entries(item.extra ?? {})
        .map(([name, value]) => `${name}：${value}`)
        .join('\n'),
    ],
  ];
}

export function chunkItem(item: ServiceItem): Chunk[] {
  return fieldsOf(item)
    .filter(([, , body]) => body.trim() !== '')
    .map(([field, label, body]) => {
      const text = field === 'name' ? body : `${item.name}｜${label}：\n${body}`;
      return {
        id: `item:${item.id}:${field}`,
        itemId: item.id,
        field,
        text,
        source: { kind: 'catalog', id: item.id, title: item.name, locator: label },
        hash: contentHash(text),
      };
    });
}
