/**
 * Government web pages wrap a document in page furniture: a metadata table (索引号, 公开方式, 文件编号,
 * 成文日期 …), a date/来源/浏览次数 line, font-size and print/share buttons, attachment links. This
 * module removes those lines so they never become chunks or titles, and keeps the useful values
 * (文号, 成文日期, 发布机构) as metadata.
 */
import type { DocumentMetadata } from './schema.ts';

/** Labels of the metadata table; the value is on the same line or on the next one. */
const HEADER_LABELS = new Map<string, keyof DocumentMetadata | undefined>([
  ['索引号', undefined],
  ['公开方式', undefined],
  ['公开范围', undefined],
  ['公开时限', undefined],
  ['发布机构', 'source'],
  ['发文机关', 'source'],
  ['组配分类', undefined],
  ['主题分类', undefined],
  ['体裁分类', undefined],
  ['文件编号', 'docNumber'],
  ['发文字号', 'docNumber'],
  ['文号', 'docNumber'],
  ['成文日期', 'date'],
  ['发布日期', undefined],
  ['有效性', undefined],
  ['文件登记号', undefined],
  ['统一登记号', undefined],
  ['信息来源', 'source'],
  ['来源', 'source'],
  ['字号', undefined],
  ['浏览次数', undefined],
  ['访问量', undefined],
]);

const LABEL_LINE = /^([\u4e00-\u9fa5]{2,5})\s*[:：]\s*(.*)$/;
const BUTTONS =
  /【\s*(打印此页|打印本页|关闭窗口|关闭本页|收藏|返回顶部|大|中|小)\s*】|分享至|打印本页|关闭窗口|字号\s*[:：]|浏览次数|【\s*大\s*中\s*小\s*】|扫一扫在手机/;
const ATTACHMENT_FILE = /^\S.{0,80}\.(pdf|docx?|xlsx?|wps|ofd|zip|rar)$/i;
const PUBLIC_NOTE = /^[（(]此件[^）)]{0,12}[）)]$/;
/** Breadcrumbs ("首页 > 政务公开 > 通知公告") and site footers. */
const NAVIGATION =
  /^(首页|当前位置|您的位置|您现在的位置)\s*[>＞»›:：]|^(版权所有|主办单位|承办单位|网站标识码|ICP备)/;

export interface DebrisResult {
  lines: string[];
  metadata: DocumentMetadata;
}

/** Remove page furniture; input lines may contain blank lines (they end a label's value). */
export function removeWebPageDebris(lines: string[]): DebrisResult {
  const metadata: DocumentMetadata = {};
  const kept: string[] = [];
  const remember = (key: keyof DocumentMetadata | undefined, value: string) => {
    if (key && value && !metadata[key]) metadata[key] = value;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const label = LABEL_LINE.exec(line);
    if (label && HEADER_LABELS.has(label[1])) {
      const key = HEADER_LABELS.get(label[1]);
      let value = label[2].trim();
      // The value sits on the next line when the label stands alone; a blank line means no value.
      const next = lines[index + 1];
      if (!value && next && !(LABEL_LINE.exec(next) && HEADER_LABELS.has(LABEL_LINE.exec(next)![1]))) {
        value = next.trim();
        index += 1;
      }
      // "2024-01-12 来源:xxx 浏览次数:" packs several fields into one line.
      remember(key, value.split(/\s+(?=[\u4e00-\u9fa5]{2,4}[:：])/)[0]);
      continue;
    }
    const dated =
      /^(\d{4}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:来源|发布机构|信息来源)\s*[:：]\s*(\S*)/.exec(
        line,
      );
    if (dated) {
      remember('source', dated[2]);
      continue;
    }
    if (BUTTONS.test(line) && line.length < 60) continue;
    if (ATTACHMENT_FILE.test(line) || PUBLIC_NOTE.test(line) || NAVIGATION.test(line)) continue;
    kept.push(line);
  }
  return { lines: kept, metadata };
}
