/**
 * The validation report of an uploaded file as the console shows it: errors (which block
 * publishing) and warnings (which do not), each located by row, column, field and item, plus a
 * short summary of what the file holds.
 */
import type { CatalogIssue } from '../../knowledge/catalog/catalog-issue.ts';

export interface ValidationReport {
  errors: CatalogIssue[];
  warnings: CatalogIssue[];
  /** What the file holds, when it could be read. */
  summary?: { version?: string; hallName: string; items?: number; themes?: number; windows?: number };
}

/** Issues name the file as the administrator uploaded it, not the server's copy. */
export function renameIssues(issues: CatalogIssue[], fileName: string): CatalogIssue[] {
  return issues.map((issue) => ({ ...issue, file: fileName }));
}

export const isPublishable = (report: ValidationReport): boolean => report.errors.length === 0;
