/**
 * Composes the answer about a 一件事 theme: what it bundles, where each part is handled and where to
 * apply together. Buttons offer the member items so the citizen can drill into one of them.
 */
import type { ServiceItem, Theme } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { Citation } from '../types.ts';
import { floorLabel, sentence } from './chinese-format.ts';
import { HAND_OVER_REPLY, type Composed } from './composed.ts';
import { findWindow, firstWindowNumber, locateItem } from './hall-location.ts';

export interface ComposeThemeInput {
  theme: Theme;
  /** The theme's member items found in the catalog (unknown ids are skipped by the caller). */
  items: ServiceItem[];
  hall: Hall;
}

export function composeThemeAnswer({ theme, items, hall }: ComposeThemeInput): Composed {
  const ordered = theme.items
    .map((id) => items.find((item) => item.id === id))
    .filter((item): item is ServiceItem => item !== undefined);
  const members = ordered.length > 0 ? ordered : items;
  const lines = [`【${theme.name}】`];
  if (theme.description) lines.push(sentence(theme.description));
  if (members.length > 0) {
    lines.push(`包含以下${members.length}个事项，可以一次申请、一并办理：`);
    members.forEach((item, index) => {
      const location = locateItem(item, hall);
      const floor = location.floor === undefined ? '' : floorLabel(location.floor);
      lines.push(`${index + 1}. ${item.name}（${floor}${item.zone}专区 ${item.window}号窗口）`);
    });
  }
  if (theme.window) {
    const number = firstWindowNumber(theme.window);
    const window = number ? findWindow(hall, number) : undefined;
    const floor = window ? floorLabel(window.floor) : '';
    lines.push(`一件事综合受理窗口：${floor}${theme.window}${/窗口/.test(theme.window) ? '' : '号窗口'}。`);
  }
  lines.push('想了解其中某个事项的材料或办理时限，请点选事项名称。');
  const citations: Citation[] = [
    { source: 'catalog', title: theme.name, locator: '一件事主题' },
    ...members.map((item) => ({ source: 'catalog', title: item.name, locator: '基本信息' })),
  ];
  return {
    answer: lines.join('\n'),
    citations,
    quickReplies: [...members.map((item) => item.name).slice(0, 6), HAND_OVER_REPLY],
  };
}
