/** The content check of uploads: the extension must fit the kind and the content the extension. */
import { describe, expect, it } from 'vitest';
import { checkUploadContent, safeFileName } from '../../../../bot/catalog-admin/upload-content.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
};

describe('checkUploadContent', () => {
  it('accepts what the extension says', () => {
    expect(checkUploadContent('catalog', '清单.JSON', bytes('\uFEFF{"items": []}'))).toBe('.json');
    expect(checkUploadContent('catalog', 'a.csv', bytes('事项编码,事项名称\n'))).toBe('.csv');
    expect(checkUploadContent('catalog', 'a.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe(
      '.xlsx',
    );
    expect(checkUploadContent('hall', 'hall.json', bytes('{"name": "x"}'))).toBe('.json');
  });

  it('refuses content that does not match the extension', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]);
    expect(code(() => checkUploadContent('catalog', 'a.xlsx', bytes('a,b')))).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(code(() => checkUploadContent('catalog', 'a.xlsx', xls))).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(code(() => checkUploadContent('catalog', 'a.csv', zip))).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(code(() => checkUploadContent('catalog', 'a.csv', bytes('a\u0000b')))).toBe(
      'UPLOAD_CONTENT_MISMATCH',
    );
    expect(code(() => checkUploadContent('catalog', 'a.json', bytes('[1, 2]')))).toBe(
      'UPLOAD_CONTENT_MISMATCH',
    );
    expect(code(() => checkUploadContent('catalog', 'a.json', bytes('{"a": ')))).toBe(
      'UPLOAD_CONTENT_MISMATCH',
    );
    expect(code(() => checkUploadContent('catalog', 'a.json', Uint8Array.from([0x7b, 0xff, 0x7d])))).toBe(
      'UPLOAD_CONTENT_MISMATCH',
    );
  });

  it('refuses extensions the kind does not allow, and empty files', () => {
    expect(code(() => checkUploadContent('catalog', 'a.xls', bytes('x')))).toBe('UPLOAD_UNSUPPORTED_TYPE');
    expect(code(() => checkUploadContent('catalog', 'catalog', bytes('x')))).toBe('UPLOAD_UNSUPPORTED_TYPE');
    expect(code(() => checkUploadContent('hall', 'hall.xlsx', bytes('x')))).toBe('UPLOAD_UNSUPPORTED_TYPE');
    expect(code(() => checkUploadContent('catalog', 'a.csv', new Uint8Array()))).toBe('UPLOAD_EMPTY');
  });

  it('says what a renamed old Excel file is', () => {
    try {
      checkUploadContent('catalog', 'a.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]));
    } catch (error) {
      expect((error as { userMessage: string }).userMessage).toContain('另存为 .xlsx');
    }
    expect.assertions(1);
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment without control or reserved characters', () => {
    expect(safeFileName('../../etc/事项清单.csv')).toBe('事项清单.csv');
    expect(safeFileName('C:\\Users\\王\\清单<1>.xlsx')).toBe('清单1.xlsx');
    expect(safeFileName('.hidden.json')).toBe('upload.json');
    expect(safeFileName(`${'长'.repeat(300)}.json`)).toHaveLength(120);
  });
});
