/**
 * The built pages and assets over real HTTP, as a browser and a shared cache see them: each text
 * file comes precompressed in the encoding the request accepts (brotli before gzip) with
 * `Vary: Accept-Encoding`; hashed bundles, stylesheets and the favicon are cacheable for a year,
 * pages are always revalidated, and the `widget.js` other sites embed stays under its old address
 * with a short cache. Raw `node:http` is used because fetch would decode the body on its own, and the
 * path goes as given (a URL string would have its dot segments resolved before sending).
 */
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../../web-widget/build.ts';
import {
  removeTemporaryFolders,
  startHarness,
  temporaryFolder,
  type Harness,
} from '../../helpers/server-harness.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let harness: Harness;

function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(harness.url, { path: pathname, method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The address in `attribute="…"` of the first tag matching `pattern` on a page. */
function reference(html: string, pattern: RegExp): string {
  const found = pattern.exec(html);
  if (!found?.[1]) throw new Error(`no reference matching ${pattern} in the page`);
  return found[1];
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
let demoPage = '';
let widgetScript = '';

beforeAll(async () => {
  const staticDir = await buildWeb({ outDir: path.join(temporaryFolder('daoban-web-'), 'web') });
  harness = await startHarness({ settings: { server: { staticDir } } });
  demoPage = (await get('/')).body.toString('utf8');
  widgetScript = reference(demoPage, /<script src="([^"]+)"/);
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

describe('pages', () => {
  it('are revalidated on every visit and name hashed scripts, stylesheets and the favicon', async () => {
    const page = await get('/', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString('utf8')).toBe(demoPage);
    expect(widgetScript).toMatch(/^\/widget\.[0-9a-f]{10}\.js$/);
    expect(reference(demoPage, /<link rel="stylesheet" href="([^"]+)"/)).toMatch(
      /^\/site\.[0-9a-f]{10}\.css$/,
    );
    expect(reference(demoPage, /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/)).toMatch(
      /^\/favicon\.[0-9a-f]{10}\.svg$/,
    );
    // The inline styles went into the stylesheet.
    expect(demoPage).not.toContain('<style>');
  });

  it('sends /kiosk to its folder and loads its hashed bundle and stylesheet', async () => {
    const redirect = await get('/kiosk?lang=zh');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/kiosk/?lang=zh');
    const kiosk = (await get('/kiosk/')).body.toString('utf8');
    const script = reference(kiosk, /<script src="([^"]+)"/);
    const stylesheet = reference(kiosk, /<link rel="stylesheet" href="([^"]+)"/);
    expect(script).toMatch(/^\/kiosk\/kiosk\.[0-9a-f]{10}\.js$/);
    for (const [address, type] of [
      [script, /javascript/],
      [stylesheet, /^text\/css/],
    ] as const) {
      const asset = await get(address, { 'accept-encoding': 'gzip' });
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(type);
      expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    }
  });
});

describe('hashed assets', () => {
  it('come in brotli, gzip or plain by Accept-Encoding, always with Vary', async () => {
    const plain = await get(widgetScript);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body.toString('utf8')).toContain('daoban-widget');

    const brotli = await get(widgetScript, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotli.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    const gzip = await get(widgetScript, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    // Refused encodings are not sent; a wildcard stands for the ones not named.
    expect((await get(widgetScript, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe(
      'gzip',
    );
    expect(
      (await get(widgetScript, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'],
    ).toBe(undefined);
    expect((await get(widgetScript, { 'accept-encoding': '*' })).headers['content-encoding']).toBe('br');
  });

  it('answer a conditional request for the same copy with 304, and HEAD without a body', async () => {
    const first = await get(widgetScript, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).not.toBe('undefined');
    const again = await get(widgetScript, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    // Another encoding is another representation, with its own validator.
    const gzip = await get(widgetScript, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzip.status).toBe(200);
    const head = await get(widgetScript, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });
});

describe('unhashed addresses', () => {
  it('keep /widget.js for embedding sites, with a short cache and cross-origin loading', async () => {
    const alias = await get('/widget.js', { 'accept-encoding': 'br' });
    expect(alias.status).toBe(200);
    expect(alias.headers['cache-control']).toBe('public, max-age=300');
    expect(alias.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(alias.headers.vary).toMatch(/Accept-Encoding/i);
    const hashed = await get(widgetScript);
    expect(brotliDecompressSync(alias.body).equals(hashed.body)).toBe(true);
    // The pre-check chunk the widget loads on demand is embedded the same way.
    const chunk = /widget-precheck\.[0-9a-f]{10}\.js/.exec(hashed.body.toString('utf8'))?.[0];
    expect(chunk).toBeDefined();
    const precheck = await get(`/${chunk}`);
    expect(precheck.status).toBe(200);
    expect(precheck.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serve the favicon at /favicon.ico as SVG', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('public, max-age=300');
    expect(icon.body.toString('utf8')).toMatch(/^<svg /);
  });
});

describe('unknown assets', () => {
  it.each([
    '/widget.0000000000.js',
    '/kiosk/kiosk.js',
    '/widget.js.br',
    '/index.html.gz',
    '/kiosk/%2e%2e/index.html',
    '/%2e%2e/%2e%2e/package.json',
    '//kiosk',
    '/no-such-page',
  ])('%s is 404', async (address) => {
    const response = await get(address, { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(404);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
