/**
 * The widget's size budget: citizens on slow mobile connections load it on every page of the
 * government website, so widget.js must stay at most 30 KB gzipped. Exits non-zero above the budget.
 * Usage: npx tsx web-widget/check-size.ts (builds first when dist/ is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, buildWeb } from './build.ts';

export const WIDGET_BUDGET_BYTES = 30 * 1024;

export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = path.join(DIST_DIR, 'widget.js');
  if (!existsSync(file) || process.argv.includes('--build')) await buildWeb();
  const size = gzippedSize(file);
  const summary = `widget.js: ${(size / 1024).toFixed(1)} KB gzipped (budget ${WIDGET_BUDGET_BYTES / 1024} KB)`;
  if (size > WIDGET_BUDGET_BYTES) {
    console.error(`${summary} — over budget`);
    process.exit(1);
  }
  console.log(summary);
}
