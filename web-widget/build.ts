/**
 * Builds the browser assets into web-widget/dist/ (run by `npm run build:web`, and by the end-to-end
 * tests before they start a server):
 *   widget.js (IIFE, minified, CSS inlined as text), index.html (demo site),
 *   console/index.html + console.js, kiosk/index.html + kiosk.js.
 */
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(here, 'dist');

const ENTRIES = [
  { entry: 'src/widget/index.ts', out: 'widget.js' },
  { entry: 'src/console/index.ts', out: 'console/console.js' },
  { entry: 'src/kiosk/index.ts', out: 'kiosk/kiosk.js' },
];

export async function buildWeb(options: { outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? DIST_DIR;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all(
    ENTRIES.map(({ entry, out }) =>
      build({
        entryPoints: [path.join(here, entry)],
        outfile: path.join(outDir, out),
        bundle: true,
        format: 'iife',
        minify: true,
        target: 'es2020',
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  await cp(path.join(here, 'pages'), outDir, { recursive: true });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = await buildWeb();
  console.log(`web assets built into ${path.relative(process.cwd(), outDir) || outDir}`);
}
