import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../../../ingest/loaders/load-catalog.ts';
import { chunkItem } from '../../../../knowledge/chunking/chunk-item.ts';

const catalogFile = path.resolve(import.meta.dirname, '../../../fixtures/catalogs/small-catalog.json');

describe('chunkItem', () => {
  it('makes one chunk per field, each naming the item, with catalog sources', async () => {
    const catalog = await loadCatalogFile(catalogFile);
    const chunks = chunkItem(catalog.items[0]);
    expect(chunks.map((chunk) => chunk.id)).toEqual([
      'item:QYKB-006:name',
      'item:QYKB-006:aliases',
      'item:QYKB-006:conditions',
      'item:QYKB-006:materials',
      'item:QYKB-006:department',
      'item:QYKB-006:process',
      'item:QYKB-006:basis',
      'item:QYKB-006:summary',
    ]);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        itemId: 'QYKB-006',
        source: { kind: 'catalog', id: 'QYKB-006', title: '食品经营许可' },
      });
      expect(chunk.text).toContain('食品经营许可');
    }
    const materials = chunks.find((chunk) => chunk.field === 'materials')!;
    expect(materials.text).toContain('营业执照（复印件 1 份；通过电子证照库获取的，免于提交）');
    expect(materials.text).toContain('授权委托书（原件 1 份；委托他人代为办理的时提供）');
    const summary = chunks.find((chunk) => chunk.field === 'summary')!;
    expect(summary.text).toContain('承诺 5 个工作日办结（法定时限 20 个工作日）');
    expect(summary.text).toContain('收费标准：不收费');
  });

  it('leaves out empty fields', async () => {
    const catalog = await loadCatalogFile(catalogFile);
    const fields = chunkItem(catalog.items[2]).map((chunk) => chunk.field);
    expect(fields).not.toContain('conditions');
    expect(fields).not.toContain('basis');
    expect(fields).toContain('summary');
  });
});
