/**
 * The one-time notice (一次性告知书) of a pre-check made over HTTP: `POST /api/v1/precheck` keeps the
 * result (personal numbers masked) under a pre-check number and answers with the citizen's link;
 * the citizen reopens it as JSON or downloads it as a PDF with the key of that link; window staff
 * open it by number in the console (`GET /api/v1/staff/prechecks/:no`, signed in, audited).
 */
import { Router, type Request } from 'express';
import type { Catalog } from '../../../knowledge/catalog/schema.ts';
import { NoticeFontMissingError } from '../../errors/notice-font-missing-error.ts';
import type { NoticeFontLoader } from '../../precheck/notice-pdf/notice-font.ts';
import type { renderNoticePdf } from '../../precheck/notice-pdf/render-notice-pdf.ts';
import { createRenderedNotices } from '../../precheck/notice-pdf/rendered-notices.ts';
import type { PrecheckResult } from '../../precheck/precheck-types.ts';
import { precheckWhere } from '../../precheck/precheck-where.ts';
import type { PrecheckNotice } from '../../precheck/records/precheck-records.ts';
import { normalisePrecheckNo } from '../../precheck/records/precheck-number.ts';
import { precheckFieldsSchema } from '../../precheck/validators/fields-schema.ts';
import { HttpError } from '../errors/http-error.ts';
import { requireStaff } from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';
import type { Services } from '../services/services.ts';

/** The address the QR code opens: the console's page of the pre-check, on the server it came from. */
export function consoleUrlOf(origin: string, precheckNo: string): string {
  return `${origin}/console/#/prechecks/${encodeURIComponent(precheckNo)}`;
}

/** The request's own origin (behind a trusted proxy, the protocol it was reached by). */
function originOf(request: Request): string {
  const host = request.get('host') ?? '';
  const safeHost = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? host : 'localhost';
  return `${request.protocol}://${safeHost}`;
}

export function noticePath(precheckNo: string, key: string): string {
  return `/api/v1/precheck/${encodeURIComponent(precheckNo)}/notice.pdf?key=${encodeURIComponent(key)}`;
}

const notFound = () =>
  new HttpError(404, 'PRECHECK_NOT_FOUND', '没有找到这份告知书，请检查链接是否完整，或重新预审。');

/**
 * Stores a pre-check just made and returns the response: the result with its number, where to go,
 * the citizen's key and the links (the CLI stays stateless and never calls this).
 */
export function recordPrecheck(
  services: Services,
  request: Request,
  body: { fields?: unknown },
  result: PrecheckResult,
  catalog: Catalog,
): PrecheckResult & { noticeKey: string; noticeUrl: string; consoleUrl: string } {
  const item = catalog.items.find((entry) => entry.id === result.item.id);
  const hall = services.indexInfo.hall;
  const where = item
    ? precheckWhere(item, hall, catalog)
    : { zone: '', window: '', hours: catalog.hall.hours ?? '' };
  const fields = precheckFieldsSchema.safeParse(body.fields);
  const { notice, noticeKey } = services.prechecks.save(
    { ...result, where },
    { fields: fields.success ? fields.data : undefined, hallName: hall?.name ?? catalog.hall.name },
  );
  return {
    ...result,
    precheckNo: notice.precheckNo,
    where,
    noticeKey,
    noticeUrl: noticePath(notice.precheckNo, noticeKey),
    consoleUrl: consoleUrlOf(originOf(request), notice.precheckNo),
  };
}

type PdfModules = { render: typeof renderNoticePdf; font: NoticeFontLoader };

export function precheckNoticeRoutes(services: Services): Router {
  const router = Router();
  const { settings } = services;

  // pdfkit and the font (tens of MB) are loaded when the first PDF is asked for.
  let pdf: Promise<PdfModules> | undefined;
  const pdfModules = () =>
    (pdf ??= Promise.all([
      import('../../precheck/notice-pdf/render-notice-pdf.ts'),
      import('../../precheck/notice-pdf/notice-font.ts'),
    ]).then(([renderer, fonts]) => ({
      render: renderer.renderNoticePdf,
      font: fonts.createNoticeFontLoader(settings.precheckNotice.fontPath),
    })));

  const rendered = createRenderedNotices();

  const citizenNotice = (request: Request): PrecheckNotice => {
    const precheckNo = normalisePrecheckNo(String(request.params.no ?? ''));
    const key = typeof request.query.key === 'string' ? request.query.key : '';
    const notice = precheckNo && key ? services.prechecks.openWithKey(precheckNo, key) : undefined;
    if (!notice) throw notFound();
    return notice;
  };

  // Paths whose last part is no pre-check number (other pre-check routes) are left to their routes.
  const isNumber = (request: Request) => normalisePrecheckNo(String(request.params.no ?? '')) !== undefined;

  router.get('/api/v1/precheck/:no/notice.pdf', async (request, response, next) => {
    if (!isNumber(request)) return next();
    const notice = citizenNotice(request);
    const { render, font } = await pdfModules();
    let loaded;
    try {
      loaded = font();
    } catch (error) {
      if (!(error instanceof NoticeFontMissingError)) throw error;
      services.logger.warn('notice PDF unavailable', { reason: error.message });
      throw new HttpError(
        503,
        'NOTICE_PDF_UNAVAILABLE',
        '告知书 PDF 暂时无法生成，请使用“打印”功能，或到窗口报出预审编号查看。',
      );
    }
    const consoleUrl = consoleUrlOf(originOf(request), notice.precheckNo);
    const document = await rendered.get(`${notice.precheckNo} ${consoleUrl}`, () =>
      render(notice, { font: loaded, consoleUrl, timeZone: settings.timeZone }),
    );
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="precheck-${notice.precheckNo}.pdf"`);
    response.send(document);
  });

  router.get('/api/v1/precheck/:no', (request, response, next) => {
    if (!isNumber(request)) return next();
    const notice = citizenNotice(request);
    response.setHeader('Cache-Control', 'no-store');
    response.json({ ...notice, consoleUrl: consoleUrlOf(originOf(request), notice.precheckNo) });
  });

  router.use('/api/v1/staff/prechecks', requireStaff(services.accounts));
  router.get('/api/v1/staff/prechecks/:no', (request, response) => {
    const precheckNo = normalisePrecheckNo(String(request.params.no ?? ''));
    const notice = precheckNo ? services.prechecks.open(precheckNo) : undefined;
    if (!notice) {
      throw new HttpError(
        404,
        'PRECHECK_NOT_FOUND',
        `没有找到预审编号“${String(request.params.no ?? '').slice(0, 20)}”，请核对后重试（预审记录保留 ${settings.precheckNotice.retentionDays} 天）。`,
      );
    }
    services.store.appendAudit({
      at: new Date().toISOString(),
      actor: staffOf(response).user.username,
      action: 'precheck.view',
      target: notice.precheckNo,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.json({ ...notice, consoleUrl: consoleUrlOf(originOf(request), notice.precheckNo) });
  });

  return router;
}
