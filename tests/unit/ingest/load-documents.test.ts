import os from 'node:os';
import path from 'node:path';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDocument, loadDocuments } from '../../../ingest/loaders/load-documents.ts';
import { DocumentLoadError } from '../../../knowledge/errors/document-load-error.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/documents');
const fixture = (name: string) => path.join(fixtures, name);
const NOTICE_TITLE = '济南新旧动能转换起步区管委会办公室关于优化政务服务大厅帮办代办服务的通知';
const DEBRIS = /索引号|浏览次数|字号|打印此页|关闭窗口|分享至|首页|版权所有|analytics/;

describe('loadDocument', () => {
  it('reads HTML without scripts, navigation and page debris, with metadata from the page', async () => {
    const document = await loadDocument(fixture('notice.html'));
    expect(document).toMatchObject({
      format: 'html',
      id: 'notice',
      title: NOTICE_TITLE,
      docNumber: '济起管办发〔2024〕5号',
      date: '2024-03-08',
    });
    expect(document.text).toMatch(/^# 济南/);
    expect(document.text).toContain('二、服务内容\n（一）帮办服务。');
    expect(document.text).not.toMatch(DEBRIS);
    expect(document.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a PDF printed by a browser, with Chinese text normalised and wrapped lines joined', async () => {
    const document = await loadDocument(fixture('notice.pdf'));
    expect(document.format).toBe('pdf');
    expect(document.title).toBe(NOTICE_TITLE);
    expect(document.docNumber).toBe('济起管办发〔2024〕5号');
    expect(document.text).toContain('代办不收取任何费用。');
    expect(document.text).toContain('各职能部门');
    // No radicals (U+2E80–U+2FDF) left from the PDF font.
    expect(document.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(document.text).not.toMatch(DEBRIS);
  });

  it('reads DOCX paragraphs as lines', async () => {
    const document = await loadDocument(fixture('rules.docx'));
    expect(document.format).toBe('docx');
    expect(document.title).toBe('起步区政务服务大厅“办不成事”反映窗口工作规则');
    expect(document.text.split('\n')).toContain('第二条 反映窗口受理以下事项：');
  });

  it('reads Markdown front matter and strips inline markup, keeping headings', async () => {
    const document = await loadDocument(fixture('guide.md'));
    expect(document).toMatchObject({
      format: 'md',
      title: '政务服务大厅办事指南（综合咨询）',
      docNumber: '济起数字发〔2024〕3号',
      date: '2024-02-01',
      source: '起步区数字城市部',
    });
    expect(document.text).toContain('## 办公时间\n周一至周五上午 9:00—12:00，下午 13:30—17:00；');
    expect(document.text).toContain('在一楼取号机刷居民身份证取号；');
    expect(document.text).not.toMatch(/\*\*|\]\(|---/);
  });

  it('reads UTF-8 text with BOM and CRLF, keeping Chinese punctuation full-width', async () => {
    const document = await loadDocument(fixture('marriage.txt'));
    expect(document.title).toBe('关于做好婚姻登记预约工作的通知');
    expect(document.date).toBe('2024-04-01');
    expect(document.text).toContain('（一）内地居民结婚登记需提交本人的户口簿、身份证。');
    expect(document.text).not.toMatch(/[\r\uFEFF\u3000]/);
  });

  it('takes title, 文号 and 成文日期 of the government web page, and drops its debris', async () => {
    const document = await loadDocument(fixture('reform-plan-web-page.txt'));
    expect(document.title).toBe(
      '济南新旧动能转换起步区管委会办公室关于印发《济南新旧动能转换起步区深化“三集中三到位”改革实施方案》的通知',
    );
    expect(document.docNumber).toBe('济起管办发〔2024〕1号');
    expect(document.date).toBe('2024-01-12');
    expect(document.text).not.toMatch(/索引号|公开方式|浏览次数|字号|打印此页|分享至|公示版\.pdf/);
  });

  it('rejects unsupported and non-UTF-8 files with a DocumentLoadError', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-docs-'));
    await writeFile(path.join(folder, 'old.doc'), 'binary');
    await writeFile(path.join(folder, 'gbk.txt'), Buffer.from([0xd5, 0xfe, 0xb2, 0xdf]));
    await expect(loadDocument(path.join(folder, 'old.doc'))).rejects.toMatchObject({
      code: 'DOCUMENT_LOAD_FAILED',
    });
    const error = await loadDocument(path.join(folder, 'gbk.txt')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentLoadError);
    expect((error as DocumentLoadError).reason).toContain('UTF-8');
  });
});

describe('loadDocuments', () => {
  it('loads every supported file of a folder and reports the broken ones beside them', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'daoban-docs-'));
    await copyFile(fixture('notice.html'), path.join(folder, 'notice.html'));
    await copyFile(fixture('rules.docx'), path.join(folder, 'rules.docx'));
    await writeFile(path.join(folder, 'broken.pdf'), 'not a pdf');
    await writeFile(path.join(folder, 'readme.json'), '{}');
    const { documents, errors } = await loadDocuments(folder);
    expect(documents.map((document) => document.id).sort()).toEqual(['notice', 'rules']);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe(path.join(folder, 'broken.pdf'));
  });
});
