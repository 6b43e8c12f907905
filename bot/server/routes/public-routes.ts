/**
 * Citizen routes: ask a question in a session, end the session's conversation, open a case
 * (转人工 / 办不成事 / 投诉), look a case up with its number and the phone's last four digits
 * (limited per IP and locked per number after repeated wrong digits), and rate (好差评).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';
import { HttpError } from '../errors/http-error.ts';
import { frameBudget, rateLimit } from '../middleware/rate-limit.ts';
import { newSessionId } from '../services/session-id.ts';
import { addressKey } from '../network/client-address.ts';
import { CaseLookupLockedError } from '../../cases/errors/case-lookup-locked-error.ts';
import { forwardedText } from '../../handover/handover-texts.ts';
import { caseConfirmation } from '../services/handover-service.ts';
import {
  caseRequestSchema,
  endConversationSchema,
  ratingRequestSchema,
  sessionIdSchema,
} from './request-schemas.ts';

export function publicRoutes(services: Services): Router {
  const router = Router();
  const { settings, conversations, cases, ratings } = services;

  const askSchema = z.object({
    question: z
      .string({ error: '请填写问题' })
      .trim()
      .min(1, '请填写问题')
      .max(settings.limits.maxMessageChars, `问题不超过 ${settings.limits.maxMessageChars} 字`),
    sessionId: sessionIdSchema.optional(),
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '消息编号不正确')
      .optional(),
  });

  const sessionLimit = rateLimit(services.limiters.session, (request) => {
    const body = request.body as { sessionId?: unknown } | undefined;
    return typeof body?.sessionId === 'string' ? body.sessionId : undefined;
  });

  router.post('/api/v1/ask', sessionLimit, async (request, response) => {
    const body = validate(askSchema, request.body);
    const sessionId = body.sessionId ?? newSessionId();
    const turn = await conversations.handleMessage(sessionId, body.question, body.clientId);
    if (turn.kind === 'answered') {
      response.json({ ...turn.answer, sessionId, messageId: turn.reply.id });
      return;
    }
    if (turn.kind === 'duplicate') {
      response.json({ duplicate: true, sessionId, questionId: turn.question.id });
      return;
    }
    // Handed over: the bot stays silent, the message went to the case.
    response.json({
      answer: forwardedText(turn.caseNumber, turn.mode),
      intent: 'escalate',
      items: [],
      escalate: false,
      citations: [],
      latencyMs: 0,
      quickReplies: [],
      forwarded: true,
      mode: turn.mode,
      case: { number: turn.caseNumber },
      sessionId,
      questionId: turn.question.id,
    });
  });

  // What the consent form shows before a hand-over: what staff receive, the reply time promised now.
  router.get('/api/v1/handover', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json(services.handover.info());
  });

  // The kiosk going home (and any client without a socket): the same as the websocket `end` frame.
  router.post(
    '/api/v1/conversations/end',
    frameBudget(services.limiters.frames, 'end'),
    async (request, response) => {
      const body = validate(endConversationSchema, request.body);
      await conversations.end(body.sessionId);
      response.status(204).end();
    },
  );

  // The hall layout (floors, zones, windows) for the kiosk map; public information.
  router.get('/api/v1/hall', (_request, response) => {
    const hall = services.indexInfo.hall;
    if (!hall) throw new HttpError(404, 'HALL_UNKNOWN', '暂无大厅布局信息。');
    response.json({ hall });
  });

  router.post('/api/v1/cases', sessionLimit, async (request, response) => {
    const body = validate(caseRequestSchema, request.body);
    const result = await conversations.escalate(body.sessionId, body);
    if (result.declined) {
      response.json({ declined: true, message: result.message.text });
      return;
    }
    response.status(result.created ? 201 : 200).json(caseConfirmation(result));
    if (result.modeChanged) services.handover.announce(body.sessionId);
  });

  // Four digits are guessable: lookups share the strict login budget per IP.
  const lookupLimit = rateLimit(
    services.limiters.login,
    (request) => `lookup:${addressKey(request.ip ?? 'unknown')}`,
  );
  router.get('/api/v1/cases/lookup', lookupLimit, (request, response) => {
    const text = (name: string) =>
      typeof request.query[name] === 'string' ? (request.query[name] as string) : '';
    const number = text('number');
    const last4 = text('phoneLast4');
    const code = text('code').trim().toUpperCase();
    if (!number || (!last4 && !code)) {
      throw new HttpError(400, 'VALIDATION_FAILED', '请填写件号，以及手机号后四位或查询码。');
    }
    try {
      response.json(cases.lookup(number, code ? { code } : { phoneLast4: last4 }));
    } catch (error) {
      if (!(error instanceof CaseLookupLockedError)) throw error;
      throw new HttpError(429, error.code, error.userMessage, {
        'Retry-After': String(error.retryAfterSeconds),
      });
    }
  });

  // Ratings have their own budget, shared with the websocket `rate` frame (not the chat budget).
  router.post('/api/v1/ratings', frameBudget(services.limiters.frames, 'rate'), (request, response) => {
    const body = validate(ratingRequestSchema, request.body);
    const result = ratings.rate(body);
    response.status(201).json({ id: result.rating.id, caseNumber: result.caseNumber });
  });

  return router;
}
