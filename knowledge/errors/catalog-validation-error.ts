/**
 * A catalog file that cannot be used as it is. It carries every error found (and the warnings, which
 * alone would not block it), so the maintainer fixes the whole file in one pass instead of one error
 * per run.
 */
import { formatCatalogIssue, type CatalogIssue } from '../catalog/catalog-issue.ts';

export class CatalogValidationError extends Error {
  readonly code = 'CATALOG_INVALID' as const;
  readonly file: string;
  readonly issues: CatalogIssue[];
  /** Findings that would not have blocked the file on their own, listed after the errors. */
  readonly warnings: CatalogIssue[];

  constructor(file: string, issues: CatalogIssue[], warnings: CatalogIssue[] = []) {
    const lines = issues.map((issue) => `  - ${formatCatalogIssue(issue)}`);
    const warningLines = warnings.map((issue) => `  - 提醒：${formatCatalogIssue(issue)}`);
    super(
      [`事项清单 ${file} 有 ${issues.length} 处问题，请修改后重新导入：`, ...lines, ...warningLines].join(
        '\n',
      ),
    );
    this.name = 'CatalogValidationError';
    this.file = file;
    this.issues = issues;
    this.warnings = warnings;
  }
}
