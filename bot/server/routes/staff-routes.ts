/**
 * The staff API behind the console: sign-in, the case queue and its actions, ratings, knowledge gaps,
 * publishing knowledge, analytics with CSV export, and (admins) the audit log and user accounts.
 * Every route but login needs a session; every state change needs the CSRF token.
 */
import { Router } from 'express';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';
import { HttpError } from '../errors/http-error.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import {
  clearSessionCookie,
  requireAdmin,
  requireStaff,
  setSessionCookie,
} from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';
import { addressKey } from '../network/client-address.ts';
import { tooManyRequests } from '../middleware/rate-limit.ts';
import { staffEventsRoutes } from './staff-events-routes.ts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../cases/case-types.ts';
import { isSatisfactionLevel } from '../../ratings/satisfaction-levels.ts';
import { CSV_REPORTS, type CsvReport } from '../../analytics/analytics-service.ts';
import type { CaseCategory, CaseStatus } from '../../cases/case-types.ts';
import { toStaffRatingView } from '../../ratings/staff-rating-view.ts';
import {
  caseListQuerySchema,
  followUpSchema,
  topicSchema,
  loginSchema,
  newUserSchema,
  replySchema,
  resolveSchema,
  returnSchema,
  revealSchema,
  transferSchema,
} from './request-schemas.ts';

const queryString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The statuses behind the queue's state filter: one status, or open / closed (已办结) / all. */
function statusesOf(status: CaseStatus | 'open' | 'closed' | 'all'): readonly CaseStatus[] | undefined {
  if (status === 'open') return OPEN_STATUSES;
  if (status === 'closed') return CLOSED_STATUSES;
  if (status === 'all') return undefined;
  return [status];
}

export function staffRoutes(services: Services): Router {
  const router = Router();
  const { accounts, cases, store, analytics, settings } = services;
  const cookie = {
    maxAgeSeconds: settings.server.staffSessionHours * 3600,
    secure: settings.server.cookieSecure,
  };

  router.post(
    '/api/v1/staff/login',
    rateLimit(services.limiters.login, (request) => `login:${addressKey(request.ip ?? 'unknown')}`),
    async (request, response) => {
      const body = validate(loginSchema, request.body);
      const { token, session } = await accounts.login(body.username, body.password);
      setSessionCookie(response, token, cookie);
      response.json({ user: session.user, csrfToken: session.csrfToken });
    },
  );

  // Everything under these prefixes except login needs a session (and CSRF for changes).
  const staff = Router();
  staff.use(['/api/v1/staff', '/api/v1/admin'], requireStaff(accounts));

  staff.post('/api/v1/staff/logout', (_request, response) => {
    accounts.logout(staffOf(response));
    services.staffStreams.closeSession(staffOf(response).tokenHash);
    clearSessionCookie(response, cookie.secure);
    response.status(204).end();
  });

  staff.get('/api/v1/staff/me', (_request, response) => {
    const session = staffOf(response);
    response.json({ user: session.user, csrfToken: session.csrfToken });
  });

  staff.get('/api/v1/staff/cases', (request, response) => {
    const query = validate(caseListQuerySchema, request.query);
    const list = cases.list({
      statuses: statusesOf(query.status),
      category: query.category as CaseCategory | undefined,
      zone: query.zone,
      assignee: query.assignee,
      overdue: query.overdue === '1' || query.overdue === 'true',
      query: query.q,
    });
    response.json({ cases: list });
  });

  staff.get('/api/v1/staff/cases/:number', (request, response) => {
    const detail = cases.detail(request.params.number);
    store.appendAudit({
      at: new Date().toISOString(),
      actor: staffOf(response).user.username,
      action: 'case.view',
      target: detail.case.number,
    });
    response.json(detail);
  });

  staff.post('/api/v1/staff/cases/:number/claim', (request, response) => {
    response.json({ case: cases.claim(request.params.number, staffOf(response).user.username) });
  });

  staff.post('/api/v1/staff/cases/:number/reply', (request, response) => {
    const body = validate(replySchema, request.body);
    const result = cases.reply(request.params.number, staffOf(response).user.username, body.text);
    response
      .status(201)
      .json({ messageId: result.message.id, delivered: result.delivered, at: result.message.createdAt });
  });

  staff.post('/api/v1/staff/cases/:number/transfer', (request, response) => {
    const body = validate(transferSchema, request.body);
    response.json({
      case: cases.transfer(
        request.params.number,
        staffOf(response).user.username,
        body.department,
        body.note,
        body.special,
      ),
    });
  });

  staff.post('/api/v1/staff/cases/:number/return', (request, response) => {
    const body = validate(returnSchema, request.body);
    response.json({
      case: cases.returnToDesk(request.params.number, staffOf(response).user.username, body.note),
    });
  });

  // What the case is about: an item of the catalog in service, or null (未确定).
  staff.put('/api/v1/staff/cases/:number/topic', (request, response) => {
    const body = validate(topicSchema, request.body);
    const item = body.itemId === null ? undefined : services.catalogItem(body.itemId);
    if (body.itemId !== null && !item) {
      throw new HttpError(400, 'ITEM_UNKNOWN', '当前事项清单中没有这个事项，请重新选择。');
    }
    response.json({ case: cases.setTopic(request.params.number, staffOf(response).user.username, item) });
  });

  // 交还智能导办: the bot answers the citizen again; the case stays as it is.
  staff.post('/api/v1/staff/cases/:number/hand-back', (request, response) => {
    response.json({
      case: services.handover.handBack(request.params.number, staffOf(response).user.username),
    });
  });

  // Staff typing in the reply box: the citizen's chat shows it. Spends the typing frame budget
  // (RATE_LIMIT_TYPING_PER_MINUTE per staff member, …_IP_… per address); the console sends at most one per 3 s.
  staff.post('/api/v1/staff/cases/:number/typing', (request, response) => {
    const username = staffOf(response).user.username;
    const decision = services.limiters.frames.take(
      'typing',
      `staff:${username}`,
      addressKey(request.ip ?? 'unknown'),
    );
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    services.staffTyping(request.params.number);
    response.status(204).end();
  });

  staff.post('/api/v1/staff/cases/:number/resolve', (request, response) => {
    const body = validate(resolveSchema, request.body);
    response.json({ case: cases.resolve(request.params.number, staffOf(response).user.username, body.note) });
  });

  staff.post('/api/v1/staff/cases/:number/follow-up', (request, response) => {
    const body = validate(followUpSchema, request.body);
    response.json({
      case: cases.followUp(request.params.number, staffOf(response).user.username, body.result, body.level),
    });
  });

  staff.post('/api/v1/staff/cases/:number/archive', (request, response) => {
    response.json({ case: cases.archive(request.params.number, staffOf(response).user.username) });
  });

  staff.post('/api/v1/staff/cases/:number/reveal', (request, response) => {
    const body = validate(revealSchema, request.body);
    response.json(cases.revealContact(request.params.number, staffOf(response).user.username, body.reason));
  });

  staff.get('/api/v1/staff/ratings', (request, response) => {
    const level = queryString(request.query.level);
    if (level !== undefined && !isSatisfactionLevel(level)) {
      throw new HttpError(400, 'VALIDATION_FAILED', '评价等级不正确。');
    }
    const ratings = store.listRatings({ level: level && isSatisfactionLevel(level) ? level : undefined });
    response.json({ ratings: ratings.map((rating) => toStaffRatingView(rating, store)) });
  });

  // Knowledge entries and gaps: staff-knowledge-routes.ts.

  staff.get('/api/v1/staff/analytics', (request, response) => {
    response.json(
      analytics.report(analytics.rangeOf(queryString(request.query.from), queryString(request.query.to))),
    );
  });

  staff.get('/api/v1/staff/analytics.csv', (request, response) => {
    const report = queryString(request.query.report) ?? 'daily';
    if (!(CSV_REPORTS as readonly string[]).includes(report)) {
      throw new HttpError(400, 'VALIDATION_FAILED', `报表类型应为：${CSV_REPORTS.join('、')}。`);
    }
    const range = analytics.rangeOf(queryString(request.query.from), queryString(request.query.to));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="daoban-${report}-${range.from}-${range.to}.csv"`,
    );
    response.send(analytics.csv(report as CsvReport, range));
  });

  staff.get('/api/v1/staff/audit', requireAdmin(), (request, response) => {
    const beforeId = Number(queryString(request.query.beforeId) ?? NaN);
    response.json({
      entries: store.listAudit({ beforeId: Number.isInteger(beforeId) ? beforeId : undefined }),
    });
  });

  staff.get('/api/v1/admin/users', requireAdmin(), (_request, response) => {
    response.json({ users: store.listUsers().map(({ passwordHash: _hash, ...user }) => user) });
  });

  staff.post('/api/v1/admin/users', requireAdmin(), async (request, response) => {
    const body = validate(newUserSchema, request.body);
    const user = await accounts.createUser(body, staffOf(response).user.username);
    response.status(201).json({ user });
  });

  router.use(staffEventsRoutes(services));
  router.use(staff);
  return router;
}
