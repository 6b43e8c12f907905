/**
 * Builds the browser assets into web-widget/dist/ (run by `npm run build:web`, and by the end-to-end
 * tests before they start a server):
 *   widget.<hash>.js (IIFE, minified, CSS inlined as text), widget-precheck.<hash>.js (the pre-check,
 *   loaded by the widget on first use), index.html (demo site),
 *   console/index.html + console/console.<hash>.js, kiosk/index.html + kiosk/kiosk.<hash>.js,
 *   each page's styles as a hashed stylesheet, favicon.svg (+ hashed copy), and a brotli and a gzip
 *   copy of every text file.
 * Bundles and stylesheets carry a content hash so the server can cache them for a year; the pages
 * are rewritten to name them. `widget.js` stays as an unhashed alias because other government sites
 * embed it by that address (served with a short cache).
 */
import { build } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hashedName } from './build-steps/content-hash.ts';
import { finishPage, type AssetNames } from './build-steps/pages.ts';
import { precompress } from './build-steps/precompress.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(here, 'dist');

const ENTRIES = [
  { entry: 'src/widget/index.ts', out: 'widget.js', keepAlias: true },
  { entry: 'src/console/index.ts', out: 'console/console.js', keepAlias: false },
  { entry: 'src/kiosk/index.ts', out: 'kiosk/kiosk.js', keepAlias: false },
];

/**
 * Parts the widget loads only when used (the pre-check), built first: the widget is given each
 * one's hashed address at build time, so it never loads a chunk of another release.
 */
const CHUNKS = [
  { entry: 'src/widget/precheck-chunk.ts', out: 'widget-precheck.js', define: '__DAOBAN_PRECHECK_CHUNK__' },
];

async function bundle(outDir: string, names: AssetNames): Promise<void> {
  const define: Record<string, string> = {};
  for (const chunk of CHUNKS) {
    const result = await build({
      entryPoints: [path.join(here, chunk.entry)],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      legalComments: 'none',
      logLevel: 'warning',
      write: false,
    });
    const code = result.outputFiles[0].contents;
    const hashed = hashedName(chunk.out, code);
    await writeFile(path.join(outDir, hashed), code);
    names.set(`/${chunk.out}`, `/${hashed}`);
    define[chunk.define] = JSON.stringify(`/${hashed}`);
  }
  await Promise.all(
    ENTRIES.map(async ({ entry, out, keepAlias }) => {
      const result = await build({
        entryPoints: [path.join(here, entry)],
        bundle: true,
        format: 'iife',
        minify: true,
        target: 'es2020',
        legalComments: 'none',
        logLevel: 'warning',
        write: false,
        define,
      });
      const code = result.outputFiles[0].contents;
      const hashed = hashedName(out, code);
      await mkdir(path.dirname(path.join(outDir, out)), { recursive: true });
      await writeFile(path.join(outDir, hashed), code);
      if (keepAlias) await writeFile(path.join(outDir, out), code);
      names.set(`/${out}`, `/${hashed}`);
    }),
  );
}

export async function buildWeb(options: { outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? DIST_DIR;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const names: AssetNames = new Map();
  await bundle(outDir, names);
  await cp(path.join(here, 'pages'), outDir, { recursive: true });
  const favicon = hashedName('favicon.svg', await readFile(path.join(outDir, 'favicon.svg')));
  await cp(path.join(outDir, 'favicon.svg'), path.join(outDir, favicon));
  const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    await finishPage(outDir, page.split(path.sep).join('/'), names, `/${favicon}`);
  }
  await precompress(outDir);
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = await buildWeb();
  console.log(`web assets built into ${path.relative(process.cwd(), outDir) || outDir}`);
}
