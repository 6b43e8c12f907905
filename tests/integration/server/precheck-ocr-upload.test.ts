/**
 * The whole way of a photographed document through the running server: uploaded over HTTP, read by
 * the OCR worker the server starts on the first upload, and counted by the pre-check — with the
 * number read from it checked like a typed one, and shown masked.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/server-harness.ts';
import { renderDocumentSamples, renderNonDocuments } from '../../helpers/document-samples.ts';

const harness = useHarness({ settings: { ocr: { workers: 1, timeoutMs: 60_000 } } });

interface UploadAnswer {
  upload?: { id: string };
  reading?: { documentType: string | null; fields: Record<string, string>; problem?: string };
  error?: { code: string };
}

async function upload(image: Buffer, contentType: string, name: string): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(image)], { type: contentType }), name);
  const response = await fetch(`${harness.url}/api/v1/precheck/uploads`, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as UploadAnswer;
}

describe('an uploaded photo read by OCR in the running server', () => {
  it(
    'recognises an ID card, masks its number, and the pre-check counts it',
    { timeout: 180_000 },
    async () => {
      const [card] = (await renderDocumentSamples({ variants: ['clean'] })).filter(
        (sample) => sample.type === '居民身份证' && sample.expected.idNumber,
      );
      const answer = await upload(card.image, card.contentType, 'IMG_0001.png');
      expect(answer.reading?.documentType).toBe('居民身份证');
      const id = card.expected.idNumber as string;
      expect(answer.reading?.fields.idNumber).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`);

      const response = await fetch(`${harness.url}/api/v1/precheck`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ itemId: 'HYDJ-002', provided: ['结婚证'], uploads: [answer.upload?.id] }),
      });
      const result = (await response.json()) as {
        matched: Array<{ said: string; material: string }>;
        missing: Array<{ name: string }>;
      };
      expect(result.matched).toContainEqual(expect.objectContaining({ material: '居民身份证' }));
      expect(result.matched.find((match) => match.material === '居民身份证')?.said).toContain('上传');
      expect(result.missing.map((material) => material.name)).not.toContain('居民身份证');
    },
  );

  it('says plainly when a photo shows no document', { timeout: 120_000 }, async () => {
    const { blank } = await renderNonDocuments();
    const answer = await upload(blank, 'image/png', 'blank.png');
    expect(answer.reading?.documentType).toBeNull();
    expect(answer.reading?.problem).toMatch(/\p{Script=Han}/u);
  });
});
