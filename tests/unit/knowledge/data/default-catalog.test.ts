import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../../../ingest/loaders/load-catalog.ts';
import { loadHallFile } from '../../../../knowledge/hall/load-hall.ts';
import { ZONES } from '../../../../knowledge/catalog/schema.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

// The issue names these items; the shipped catalog must hold every one, named exactly so.
const REQUIRED_ITEMS = `企业设立登记 个体工商户设立登记 企业变更登记 企业注销登记 个体工商户注销登记 食品经营许可 小餐饮登记 公共场所卫生许可 药品经营许可（零售） 印章刻制备案 烟草专卖零售许可 道路货物运输经营许可
企业投资项目备案 建设用地规划许可证核发 建设工程规划许可证核发 建筑工程施工许可证核发 建设工程消防设计审查 建设工程消防验收 城镇污水排入排水管网许可 建设工程竣工验收备案 城市道路占用挖掘许可
社会保障卡申领 社会保障卡挂失与补换 城乡居民基本养老保险参保登记 城乡居民基本养老保险待遇申领 职工基本养老保险退休待遇申领 失业保险金申领 灵活就业人员参保登记 城乡居民基本医疗保险参保登记 异地就医备案 医疗费用手工报销 生育津贴申领 住房公积金提取（租房） 住房公积金提取（购房） 住房公积金个人住房贷款 最低生活保障审核确认 特困人员救助供养审核确认 临时救助 残疾人证办理 困难残疾人生活补贴和重度残疾人护理补贴 高龄津贴申领 就业创业证申领 创业担保贷款申请 居住证申领 居民身份证申领与换领 户口迁入登记 新生儿出生登记
新办纳税人涉税事项套餐 发票领用 代开增值税发票 个人所得税综合所得汇算清缴 开具税收完税证明 城乡居民社会保险费缴纳
国有建设用地使用权及房屋所有权首次登记 国有建设用地使用权及房屋所有权转移登记 不动产抵押权首次登记 不动产抵押权注销登记 不动产变更登记 预购商品房预告登记 不动产登记资料查询
普通护照签发 往来港澳通行证及签注签发 往来台湾通行证及签注签发 出入境证件遗失补发
内地居民结婚登记 内地居民离婚登记 补领婚姻登记证`.split(/\s+/);

const REQUIRED_THEMES = ['企业开办一件事', '开办餐饮店一件事', '新生儿出生一件事', '退休一件事', '二手房交易一件事', '失业一件事', '残疾人服务一件事'];

describe('the default catalog and hall', async () => {
  const catalog = await loadCatalogFile(path.join(root, 'knowledge/data/catalog.json'));
  const hall = await loadHallFile(path.join(root, 'knowledge/data/hall.json'));

  it('holds every required item and theme, by exact name', () => {
    const names = new Set(catalog.items.map((item) => item.name));
    expect(REQUIRED_ITEMS.filter((name) => !names.has(name))).toEqual([]);
    expect(REQUIRED_THEMES.filter((name) => !catalog.themes.some((theme) => theme.name === name))).toEqual([]);
  });

  it('describes each item completely', () => {
    for (const item of catalog.items) {
      expect(item.aliases.length, item.name).toBeGreaterThanOrEqual(3);
      expect(item.materials.length, item.name).toBeGreaterThan(0);
      expect(item.basis.length, item.name).toBeGreaterThan(0);
      expect(item.process.length, item.name).toBeGreaterThan(0);
      for (const material of item.materials) {
        if (material.required === '情形') expect(material.when, `${item.name} ${material.name}`).toBeTruthy();
      }
    }
  });

  it('places every item at windows that exist in the hall, in its own zone', () => {
    const windows = new Map(hall.windows.map((window) => [window.id, window]));
    for (const item of catalog.items) {
      const ids = item.window.match(/[A-Z]\d{2}/g) ?? [];
      expect(ids.length, item.name).toBeGreaterThan(0);
      for (const id of ids) {
        expect(windows.get(id)?.zone, `${item.name} ${id}`).toBe(item.zone);
      }
    }
  });

  it('has every zone of the plan and the four special windows', () => {
    for (const zone of ZONES.filter((name) => name !== '综合服务')) {
      expect(hall.zones.some((entry) => entry.name === zone), zone).toBe(true);
    }
    const special = new Set(hall.windows.map((window) => window.special).filter(Boolean));
    expect([...special].sort()).toEqual(['办不成事反映', '帮办代办', '综合咨询', '跨区域通办'].sort());
  });

  it('sets 即办件 and promised days consistently', () => {
    for (const item of catalog.items) {
      expect(item.kind === '即办件', item.name).toBe(item.promisedDays === 0);
      // The shipped items all state both limits.
      expect(item.legalDays, item.name).not.toBeNull();
      expect(item.promisedDays, item.name).toBeLessThanOrEqual(item.legalDays ?? 0);
      if (item.online === '全程网办') expect(item.visits, item.name).toBe(0);
    }
  });
});
