/**
 * What publishing a hall layout would change, compared with the layout in service: the hall's own
 * facts (name, address, hours, phone, hotline, portals, how to look up progress, notes), and floors,
 * zones and windows added, removed and changed field by field. Pure.
 */
import type { Hall, HallWindow, HallZone } from '../../knowledge/hall/schema.ts';
import { diffFields, diffRecords, type FieldChange, type FieldSpec, type ListDiff } from './record-diff.ts';

export interface HallDiff {
  hall: FieldChange[];
  floors: ListDiff;
  zones: ListDiff;
  windows: ListDiff;
}

type Floor = Hall['floors'][number];

const HALL_FIELDS: FieldSpec<Hall>[] = [
  { field: 'name', label: '大厅名称' },
  { field: 'address', label: '地址' },
  { field: 'hours', label: '办公时间' },
  { field: 'phone', label: '咨询电话' },
  { field: 'hotline', label: '服务热线' },
  { field: 'portals', label: '网上办事平台' },
  { field: 'progressLookup', label: '办件进度查询' },
  { field: 'notes', label: '须知' },
  { field: 'guide', label: '数字人导服' },
];

const FLOOR_FIELDS: FieldSpec<Floor>[] = [
  { field: 'name', label: '名称' },
  { field: 'description', label: '说明' },
  { field: 'plan', label: '平面图' },
];

const ZONE_FIELDS: FieldSpec<HallZone>[] = [
  { field: 'floor', label: '楼层' },
  { field: 'area', label: '区域' },
  { field: 'windows', label: '窗口' },
  { field: 'description', label: '说明' },
  { field: 'rect', label: '平面图位置' },
  { field: 'ticket', label: '取号类别' },
];

const WINDOW_FIELDS: FieldSpec<HallWindow>[] = [
  { field: 'name', label: '窗口名称' },
  { field: 'floor', label: '楼层' },
  { field: 'zone', label: '所属专区' },
  { field: 'special', label: '特殊窗口' },
  { field: 'hours', label: '办公时间' },
  { field: 'phone', label: '电话' },
  { field: 'description', label: '说明' },
  { field: 'at', label: '平面图位置' },
];

export function diffHalls(before: Hall, after: Hall): HallDiff {
  return {
    hall: diffFields(before, after, HALL_FIELDS, ['floors', 'zones', 'windows']),
    floors: diffRecords(before.floors, after.floors, {
      key: (floor) => String(floor.floor),
      name: (floor) => floor.name || `${floor.floor} 层`,
      fields: FLOOR_FIELDS,
      keyField: 'floor',
    }),
    zones: diffRecords(before.zones, after.zones, {
      key: (zone) => zone.name,
      name: (zone) => zone.name,
      fields: ZONE_FIELDS,
      keyField: 'name',
    }),
    windows: diffRecords(before.windows, after.windows, {
      key: (window) => window.id,
      name: (window) => window.name,
      fields: WINDOW_FIELDS,
      keyField: 'id',
    }),
  };
}
