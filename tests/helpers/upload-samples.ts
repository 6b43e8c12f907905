/**
 * Files for the upload tests, made in the test: images by sharp, PDFs by pdfkit, and the files an
 * upload must refuse (executables, archives, markup, a PNG whose header claims 20,000×20,000 pixels).
 */
import { deflateRawSync, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export function image(format: 'jpeg' | 'png' | 'webp', width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .toFormat(format)
    .toBuffer();
}

export function pdf(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    for (let page = 1; page <= pages; page += 1) document.addPage().text(`Page ${page}`);
    document.end();
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a small, valid-looking PNG whose header says `width`×`height` (8-bit
 * grey), with the first rows of zero pixels compressed to almost nothing. Decoding it would need
 * width×height bytes.
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * 64);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A zip archive of one entry (stored deflated), with a correct local header and central directory. */
export function zip(name: string, content: Buffer): Buffer {
  const compressed = deflateRawSync(content, { level: 9 });
  const fileName = Buffer.from(name, 'utf8');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, compressed, central, fileName, end]);
}

/** A zip bomb: 16 MB of zeros that compress to about 16 KB. */
export function zipBomb(): Buffer {
  return zip('document.jpg', Buffer.alloc(16 * 1024 * 1024));
}

const padded = (head: Buffer | string, size = 2048) => {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : head;
  return Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), 0x41)]);
};

/** Files that are not photos or PDFs, whatever their names say. */
export const rejectedFiles: Array<{ what: string; name: string; bytes: Buffer }> = [
  {
    what: 'an ELF executable',
    name: 'id.jpg',
    bytes: padded(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])),
  },
  { what: 'a Windows executable', name: 'id.jpg', bytes: padded('MZ\x90\x00\x03\x00\x00\x00') },
  { what: 'a zip archive', name: 'id.png', bytes: zip('id.jpg', Buffer.from('not a photo')) },
  { what: 'an HTML page', name: 'id.pdf', bytes: Buffer.from('<!doctype html><script>alert(1)</script>') },
  {
    what: 'an SVG image',
    name: 'id.png',
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  },
  { what: 'a GIF image', name: 'id.gif', bytes: padded('GIF89a\x01\x00\x01\x00') },
  { what: 'a PDF signature not at the start', name: 'id.pdf', bytes: Buffer.from(' %PDF-1.7\n') },
  { what: 'an empty file of JPEG name', name: 'id.jpg', bytes: Buffer.from([0xff, 0xd8]) },
];

/**
 * A real small image whose header is rewritten to claim `width`×`height` (JPEG: the SOF0 frame;
 * WebP: the VP8 key frame, at most 16383 a side): what a decompression bomb of that type looks like
 * to a header reader.
 */
export async function inflatedHeader(
  format: 'jpeg' | 'webp',
  width: number,
  height: number,
): Promise<Buffer> {
  const bytes = Buffer.from(await image(format, 16, 16));
  if (format === 'jpeg') {
    const frame = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    bytes.writeUInt16BE(height, frame + 5);
    bytes.writeUInt16BE(width, frame + 7);
  } else {
    const start = bytes.indexOf(Buffer.from([0x9d, 0x01, 0x2a]));
    bytes.writeUInt16LE(width & 0x3fff, start + 3);
    bytes.writeUInt16LE(height & 0x3fff, start + 5);
  }
  return bytes;
}
