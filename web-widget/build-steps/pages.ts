/**
 * The HTML pages as shipped: each page's inline `<style>` blocks move into one content-hashed
 * stylesheet next to it, its script references point at the hashed bundles, and every page links the
 * favicon. Pages themselves keep their plain names (`/kiosk/`), since they are what a release changes
 * under a fixed address.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashedName } from './content-hash.ts';

/** Public path of an asset (`/widget.js`) → public path of its hashed file (`/widget.<hash>.js`). */
export type AssetNames = Map<string, string>;

const STYLE_BLOCK = /<style>([\s\S]*?)<\/style>\s*/g;
const REFERENCE = /\b(src|href)="([^"]+)"/g;

/** `index.html` → `site`, `kiosk/index.html` → `kiosk/kiosk`: the stylesheet's name before hashing. */
function stylesheetBase(page: string): string {
  const folder = path.posix.dirname(page);
  return folder === '.' ? 'site' : `${folder}/${path.posix.basename(folder)}`;
}

/** Rewrites one page in `outDir` (given relative, with forward slashes); returns the stylesheet made. */
export async function finishPage(outDir: string, page: string, names: AssetNames, favicon: string) {
  const file = path.join(outDir, page);
  let html = await readFile(file, 'utf8');
  const styles: string[] = [];
  html = html.replace(STYLE_BLOCK, (_block, css: string) => {
    styles.push(css.trim());
    return styles.length === 1 ? '<!--styles-->' : '';
  });
  if (styles.length > 0) {
    const css = `${styles.join('\n')}\n`;
    const stylesheet = hashedName(`${stylesheetBase(page)}.css`, css);
    await mkdir(path.dirname(path.join(outDir, stylesheet)), { recursive: true });
    await writeFile(path.join(outDir, stylesheet), css);
    html = html.replace('<!--styles-->', `<link rel="stylesheet" href="/${stylesheet}" />\n    `);
  }
  html = html.replace(REFERENCE, (whole, attribute: string, target: string) => {
    const hashed = names.get(target);
    return hashed ? `${attribute}="${hashed}"` : whole;
  });
  if (!/rel="(shortcut )?icon"/.test(html)) {
    html = html.replace(
      /\s*<\/head>/,
      `\n    <link rel="icon" type="image/svg+xml" href="${favicon}" />\n  </head>`,
    );
  }
  await writeFile(file, html);
}
