import { describe, expect, it } from 'vitest';
import { precheck } from '../../../../../bot/precheck/precheck.ts';
import type { PrecheckDocument } from '../../../../../bot/precheck/uploads/uploaded-documents.ts';
import { catalog } from '../../compose/fixtures.ts';

const idCard: PrecheckDocument = {
  label: '上传的照片：居民身份证',
  documentType: '居民身份证',
  fields: { idNumber: '11010519491231002X', idExpiry: '2019-05-01' },
};

const names = (entries: Array<{ name: string }>) => entries.map((entry) => entry.name);

describe('precheck with uploaded documents', () => {
  it('counts a recognised document as provided, saying it came from an upload', () => {
    const result = precheck({ itemId: 'SHMS-001', provided: ['户口本'] }, catalog, { documents: [idCard] });
    expect(result.matched).toContainEqual({ said: '上传的照片：居民身份证', material: '居民身份证' });
    expect(result.matched).toContainEqual({ said: '户口本', material: '居民户口簿' });
    expect(names(result.missing)).toEqual(['近期免冠彩色证件照片']);
  });

  it('fills the fields left empty from the document; what was typed wins', () => {
    const filled = precheck({ itemId: 'SHMS-001' }, catalog, { documents: [idCard] });
    expect(filled.invalid.map((entry) => entry.field)).toEqual(['idNumber']);
    const typed = precheck({ itemId: 'SHMS-001', fields: { idExpiry: '长期' } }, catalog, {
      documents: [idCard],
    });
    expect(typed.invalid).toEqual([]);
  });

  it('lists a recognised document the item does not need, and ignores one not recognised', () => {
    const result = precheck({ itemId: 'SHMS-001' }, catalog, {
      documents: [
        { label: '上传的照片：营业执照', documentType: '营业执照', fields: {} },
        { label: '上传的照片', documentType: null, fields: {} },
      ],
    });
    expect(result.unrecognised).toEqual(['上传的照片：营业执照']);
    expect(result.matched).toEqual([]);
  });

  it('takes no documents from the request itself', () => {
    const result = precheck(
      { itemId: 'SHMS-001', documents: [idCard] } as unknown as Parameters<typeof precheck>[0],
      catalog,
    );
    expect(names(result.missing)).toContain('居民身份证');
  });
});
