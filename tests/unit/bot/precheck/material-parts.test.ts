/**
 * Materials made of several documents joined by 及, and the words citizens use for doing it for
 * someone else or for limited mobility. Materials and sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Material, ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { materialParts, partsNotNamed } from '../../../../bot/precheck/material-parts.ts';
import { readAllProvided } from '../../../../bot/precheck/match-material.ts';
import { precheck } from '../../../../bot/precheck/precheck.ts';
import { situationBigrams } from '../../../../bot/precheck/situation-match.ts';

describe('a material of several documents', () => {
  it('splits only where both sides are documents, never one form about two things', () => {
    expect(materialParts('受托人居民身份证及授权委托书')).toEqual(['受托人居民身份证', '授权委托书']);
    expect(materialParts('场地租赁合同及备案证明')).toEqual(['场地租赁合同', '备案证明']);
    expect(materialParts('往来台湾通行证及签注申请表')).toEqual(['往来台湾通行证及签注申请表']);
    expect(materialParts('本人及配偶无自有住房证明')).toEqual(['本人及配偶无自有住房证明']);
    expect(materialParts('施工图及说明（含《设计说明》及附图）')).toEqual([
      '施工图及说明（含《设计说明》及附图）',
    ]);
    expect(materialParts('居民身份证')).toEqual(['居民身份证']);
  });

  it('tells which parts nothing said names', () => {
    expect(partsNotNamed('受托人居民身份证及授权委托书', ['委托书'])).toEqual(['受托人居民身份证']);
    expect(partsNotNamed('受托人居民身份证及授权委托书', ['委托书', '他的身份证'])).toEqual([]);
    expect(partsNotNamed('居民身份证', ['身份证'])).toEqual([]);
    // A ticked checklist row sends the material's own name: every part is there.
    expect(partsNotNamed('受托人居民身份证及授权委托书', ['受托人居民身份证及授权委托书'])).toEqual([]);
  });

  it('keeps the material missing in a pre-check, and says what is still to be brought', () => {
    const material = (name: string, extra: Partial<Material> = {}): Material => ({
      name,
      form: '原件',
      copies: 1,
      required: '必要',
      ...extra,
    });
    const item = {
      id: 'T-001',
      name: '测试补贴申领',
      aliases: [],
      conditions: [],
      materials: [
        material('补贴申请表'),
        material('受托人居民身份证及授权委托书', { required: '情形', when: '委托他人代为办理的' }),
      ],
    } as unknown as ServiceItem;
    const catalog = {
      version: 't',
      hall: { name: '测试大厅' },
      items: [item],
      themes: [],
    } as unknown as Catalog;
    const result = precheck(
      { itemId: 'T-001', provided: ['申请表', '委托书'], situation: { agent: true } },
      catalog,
    );
    expect(result.missing).toEqual([
      { name: '受托人居民身份证及授权委托书', note: '已有部分材料，还需受托人居民身份证' },
    ]);
    expect(result.notice).toContain('还需受托人居民身份证');
  });

  it('reads 旧 before a document as the catalog’s 原, and a bank card as the debit card', () => {
    const materials: Material[] = [
      { name: '原机动车驾驶证', form: '原件', copies: 1, required: '必要' },
      { name: '申请人一类银行借记卡', form: '原件', copies: 1, required: '必要' },
    ];
    const reading = readAllProvided(['旧驾照', '银行卡'], materials);
    expect(reading.matched.map((match) => match.material.name)).toEqual([
      '原机动车驾驶证',
      '申请人一类银行借记卡',
    ]);
  });
});

describe('situation words', () => {
  const affirms = (text: string, bigram: string) => situationBigrams(text).affirmed.has(bigram);

  it('hears someone doing it for someone else, but not a parent for a child', () => {
    expect(affirms('我妈让我替她跑一趟', '委托')).toBe(true);
    expect(affirms('想给老人申请一下', '委托')).toBe(true);
    expect(affirms('给孩子办个卡', '委托')).toBe(false);
  });

  it('hears limited mobility in everyday words', () => {
    expect(affirms('老爷子腿脚不便，下不了楼', '行动')).toBe(true);
    expect(affirms('我奶奶常年卧床', '行动')).toBe(true);
    expect(affirms('我自己能去', '行动')).toBe(false);
  });
});
