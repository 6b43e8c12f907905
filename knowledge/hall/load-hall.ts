/**
 * Loads the hall layout (floors, zones, windows) from JSON and validates it, including that every
 * window a zone lists is described, so the kiosk never points a citizen to a window that is not there,
 * that the progress lookup names only portals the hall lists, and that floor-plan coordinates lie
 * inside their floor's plan.
 */
import { readFile } from 'node:fs/promises';
import { geometryProblems } from './hall-geometry.ts';
import { hallSchema, type Hall } from './schema.ts';

/** The hall file cannot be used; `problems` lists every one, each with its JSON path. */
export class HallValidationError extends Error {
  readonly code = 'HALL_INVALID' as const;
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(
      [`大厅布局文件 ${file} 有 ${problems.length} 处问题：`, ...problems.map((p) => `  - ${p}`)].join('\n'),
    );
    this.name = 'HallValidationError';
    this.file = file;
    this.problems = problems;
  }
}

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('') || '（根）';

export async function loadHallFile(file: string): Promise<Hall> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new HallValidationError(file, [
      `无法读取文件：${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new HallValidationError(file, [`不是有效的 JSON：${(error as Error).message}`]);
  }
  const parsed = hallSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HallValidationError(
      file,
      parsed.error.issues.map((issue) => `${pathText(issue.path)}：${issue.message}`),
    );
  }
  const hall = parsed.data;
  const problems: string[] = [];
  const windowIds = new Set<string>();
  hall.windows.forEach((window, index) => {
    if (windowIds.has(window.id)) problems.push(`windows[${index}].id：窗口编号“${window.id}”重复`);
    windowIds.add(window.id);
  });
  hall.zones.forEach((zone, zoneIndex) => {
    zone.windows.forEach((id, index) => {
      if (!windowIds.has(id)) {
        problems.push(`zones[${zoneIndex}].windows[${index}]：窗口“${id}”没有在 windows 中登记`);
      }
    });
  });
  const portalNames = new Set((hall.portals ?? []).map((portal) => portal.name));
  hall.progressLookup?.portals?.forEach((name, index) => {
    if (!portalNames.has(name)) {
      problems.push(`progressLookup.portals[${index}]：“${name}”没有在 portals 中登记`);
    }
  });
  problems.push(...geometryProblems(hall));
  if (problems.length > 0) throw new HallValidationError(file, problems);
  return hall;
}
