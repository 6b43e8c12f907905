/**
 * A small two-floor hall with coordinates, for the floor-plan tests: 企业开办 on floor 1 above the
 * corridor, 社会民生 on floor 2, the entrance at the bottom of floor 1, a lift and stairs on both.
 */
import type { Hall } from '../../../../knowledge/hall/schema.ts';

const connectors = { lifts: [{ x: 90, y: 45 }], stairs: [{ x: 10, y: 45 }] };

export const smallHall: Hall = {
  name: '测试政务服务中心',
  address: '测试地址',
  hours: '周一至周五 9:00-17:00',
  phone: '12345',
  floors: [
    { floor: 1, name: '一楼', plan: { width: 100, height: 60, entrance: { x: 50, y: 60 }, ...connectors } },
    { floor: 2, name: '二楼', plan: { width: 100, height: 60, ...connectors } },
  ],
  zones: [
    {
      name: '企业开办',
      floor: 1,
      area: '一楼东区',
      windows: ['A01', 'A02'],
      rect: { x: 50, y: 5, width: 40, height: 20 },
    },
    {
      name: '社会民生',
      floor: 2,
      area: '二楼',
      windows: ['C01'],
      rect: { x: 10, y: 5, width: 40, height: 20 },
    },
  ],
  windows: [
    { id: 'A01', name: '企业登记窗口', floor: 1, zone: '企业开办', at: { x: 60, y: 25 } },
    { id: 'A02', name: '企业登记窗口', floor: 1, zone: '企业开办', at: { x: 80, y: 25 } },
    { id: 'C01', name: '社保窗口', floor: 2, zone: '社会民生', at: { x: 30, y: 25 } },
  ],
  notes: [],
};
