/**
 * A catalog file that cannot be used as it is. It carries every issue found, so the maintainer fixes
 * the whole file in one pass instead of one error per run.
 */
import { formatCatalogIssue, type CatalogIssue } from '../catalog/catalog-issue.ts';

export class CatalogValidationError extends Error {
  readonly code = 'CATALOG_INVALID' as const;
  readonly file: string;
  readonly issues: CatalogIssue[];

  constructor(file: string, issues: CatalogIssue[]) {
    const lines = issues.map((issue) => `  - ${formatCatalogIssue(issue)}`);
    super([`事项清单 ${file} 有 ${issues.length} 处问题，请修改后重新导入：`, ...lines].join('\n'));
    this.name = 'CatalogValidationError';
    this.file = file;
    this.issues = issues;
  }
}
