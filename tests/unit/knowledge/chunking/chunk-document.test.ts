import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../ingest/loaders/load-documents.ts';
import { chunkDocument } from '../../../../knowledge/chunking/chunk-document.ts';
import { buildPolicyDocument } from '../../../../knowledge/documents/build-document.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/documents');
const SEED = path.join(fixtures, 'reform-plan-web-page.txt');

describe('chunkDocument on the reform plan web page', async () => {
  const document = await loadDocument(SEED);
  const chunks = chunkDocument(document);
  const byLocator = (locator: string) => chunks.filter((chunk) => chunk.source.locator === locator);

  it('follows 一、（一）1. with full locators and the heading path as prefix', () => {
    const seventh = byLocator('三、（三）7.');
    expect(seventh).toHaveLength(1);
    expect(seventh[0].text).toMatch(
      /^三、工作任务 › （三）统筹协调,审管衔接,建立顺畅的审批权力运行机制\n7\.再造审批流程/,
    );
    expect(seventh[0].text).toContain('即办件比例原则上要达到30%以上');
    for (let n = 1; n <= 16; n += 1) {
      expect(
        chunks.filter(
          (chunk) => chunk.source.locator?.startsWith('三、') && chunk.source.locator.endsWith(`）${n}.`),
        ),
      ).toHaveLength(1);
    }
    expect(byLocator('一、')[0].text).toMatch(/^一、指导思想\n以习近平/);
    expect(byLocator('四、（一）')[0].text).toMatch(/^四、保障措施\n\(一\)加强组织领导。/);
    expect(
      chunks.every((chunk) => chunk.source.kind === 'policy' && chunk.source.title === document.title),
    ).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('keeps web-page debris out of every chunk', () => {
    for (const chunk of chunks) {
      expect(chunk.text).not.toMatch(/索引号|公开方式|浏览次数|字号|打印此页|关闭窗口|分享至|公示版\.pdf/);
    }
  });

  it('packs the flattened appendix table into a few chunks of whole sentences', () => {
    const appendix = byLocator('附件');
    expect(appendix.length).toBeGreaterThan(3);
    expect(appendix.length).toBeLessThan(20);
    expect(chunks.length).toBeLessThan(45);
    for (const chunk of appendix) {
      const body = chunk.text.slice(chunk.text.indexOf('\n') + 1);
      expect(body.length).toBeLessThanOrEqual(600);
      // Each piece ends at a line end or a sentence end, never mid-clause.
      expect(document.text.includes(body.split('\n').at(-1)!)).toBe(true);
    }
  });

  it('splits a long section only at sentence ends and repeats its heading path', () => {
    const small = chunkDocument(document, { maxChars: 120 });
    const pieces = small.filter((chunk) => chunk.source.locator === '三、（三）7.');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.text.startsWith('三、工作任务 › （三）')).toBe(true);
      expect(piece.text).toMatch(/[。；]$/);
    }
    expect(pieces[1].text.split('\n')[0]).toContain('› 7.再造审批流程');
  });
});

describe('chunkDocument on other structures', () => {
  it('keeps an article (第X条) with its items as one clause', async () => {
    const chunks = chunkDocument(await loadDocument(path.join(fixtures, 'rules.docx')));
    expect(chunks.map((chunk) => chunk.source.locator)).toEqual(['第一条', '第二条', '第三条']);
    expect(chunks[1].text).toContain('（二）涉及多个部门');
  });

  it('follows Markdown headings and cites them', async () => {
    const chunks = chunkDocument(await loadDocument(path.join(fixtures, 'guide.md')));
    expect(chunks.map((chunk) => chunk.source.locator)).toEqual(['办公时间', '取号与排队', '办不成事反映']);
    expect(chunks[0].text).toMatch(/^办公时间\n周一至周五/);
  });

  it('gives the same locators for the HTML page and its PDF print', async () => {
    const html = chunkDocument(await loadDocument(path.join(fixtures, 'notice.html')));
    const pdf = chunkDocument(await loadDocument(path.join(fixtures, 'notice.pdf')));
    expect(pdf.map((chunk) => chunk.source.locator)).toEqual(html.map((chunk) => chunk.source.locator));
    expect(html.map((chunk) => chunk.source.locator)).toContain('三、2.');
  });

  it('changes the hash only of the chunks whose text changed', () => {
    const base = { file: 'a.txt', format: 'txt' as const };
    const before = chunkDocument(
      buildPolicyDocument({ ...base, text: '通知\n一、甲\n甲的内容。\n二、乙\n乙的内容。' }),
    );
    const after = chunkDocument(
      buildPolicyDocument({ ...base, text: '通知\n一、甲\n甲的内容。\n二、乙\n乙的新内容。' }),
    );
    expect(after[0].hash).toBe(before[0].hash);
    expect(after[1].hash).not.toBe(before[1].hash);
  });
});
