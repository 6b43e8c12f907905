/**
 * The reader used when no document reader is configured: it recognises nothing and asks the
 * citizen to tick the materials they have instead.
 */
import type { DocumentReader } from './document-reader.ts';

export const NOT_READ_PROBLEM = '暂时无法自动识别，请在下方勾选您已有的材料。';

export function createNullDocumentReader(): DocumentReader {
  return {
    read: (file) =>
      Promise.resolve({
        documentType: null,
        fields: {},
        lines: [],
        pages: file.contentType === 'application/pdf' ? 0 : 1,
        problem: NOT_READ_PROBLEM,
      }),
    close: () => Promise.resolve(),
  };
}
