import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';

describe('pre-check upload settings', () => {
  it('has explicit defaults: 10 MB, 40 megapixels, 10,000 px a side, 20 PDF pages, kept 7 days', () => {
    expect(loadSettings({}).uploads).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxPixels: 40_000_000,
      maxSide: 10_000,
      maxPdfPages: 20,
      retentionDays: 7,
      readTimeoutSeconds: 20,
      ipPerMinute: 10,
    });
  });

  it('reads each from the environment and refuses a wrong value', () => {
    const settings = loadSettings({
      UPLOAD_MAX_BYTES: '2048',
      UPLOAD_MAX_PIXELS: '1000000',
      UPLOAD_MAX_SIDE: '2000',
      UPLOAD_MAX_PDF_PAGES: '5',
      UPLOAD_RETENTION_DAYS: '1',
      UPLOAD_READ_TIMEOUT_SECONDS: '3',
      RATE_LIMIT_UPLOADS_IP_PER_MINUTE: '4',
    });
    expect(settings.uploads).toEqual({
      maxBytes: 2048,
      maxPixels: 1_000_000,
      maxSide: 2000,
      maxPdfPages: 5,
      retentionDays: 1,
      readTimeoutSeconds: 3,
      ipPerMinute: 4,
    });
    expect(() => loadSettings({ UPLOAD_RETENTION_DAYS: '0' })).toThrow(/UPLOAD_RETENTION_DAYS/);
    expect(() => loadSettings({ UPLOAD_MAX_BYTES: '10MB' })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});
