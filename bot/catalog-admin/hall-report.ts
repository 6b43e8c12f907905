/**
 * Reads an uploaded hall layout (hall.json) into the same report shape as a catalog: every problem
 * the hall validator finds is an error with its JSON path as the field.
 */
import type { CatalogIssue } from '../../knowledge/catalog/catalog-issue.ts';
import { HallValidationError, loadHallFile } from '../../knowledge/hall/load-hall.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';

export interface HallReport {
  hall?: Hall;
  errors: CatalogIssue[];
  warnings: CatalogIssue[];
}

/** `windows[3].id：窗口编号“A01”重复` → field `windows[3].id` and the whole sentence as message. */
function problemIssue(file: string, problem: string): CatalogIssue {
  const separator = problem.indexOf('：');
  const field = separator > 0 ? problem.slice(0, separator) : '';
  return { file, field, message: problem };
}

export async function readHallReport(file: string): Promise<HallReport> {
  try {
    return { hall: await loadHallFile(file), errors: [], warnings: [] };
  } catch (error) {
    if (error instanceof HallValidationError) {
      return { errors: error.problems.map((problem) => problemIssue(file, problem)), warnings: [] };
    }
    throw error;
  }
}
