/**
 * The hall screen guide's voice (public, offline):
 * - `GET /api/v1/speech/plan?text=` — the spoken sentences of a text, each with the address of
 *   its audio and of its lip-sync track, so the first sentence plays while the rest are made;
 * - `GET /api/v1/speech?text=` — `audio/wav` of the whole text (one sentence when the text is one);
 * - `GET /api/v1/speech/visemes?text=` — the lip-sync track of that same audio as JSON.
 * Audio and track are cached on the server and by the browser (ETag, 304). Every request spends
 * the address's API budget; one that needs the engine (a cache miss) also spends the speech
 * budget (RATE_LIMIT_SPEECH_IP_PER_MINUTE).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { SpeechUnavailableError } from '../../speech/errors/speech-unavailable-error.ts';
import type { SpeechAudio } from '../../speech/speech-service.ts';
import { HttpError } from '../errors/http-error.ts';
import { tooManyRequests } from '../middleware/rate-limit.ts';
import { addressKey } from '../network/client-address.ts';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';

const BROWSER_CACHE = 'public, max-age=86400';

export function speechPath(kind: 'audio' | 'visemes', text: string): string {
  const base = kind === 'audio' ? '/api/v1/speech' : '/api/v1/speech/visemes';
  return `${base}?text=${encodeURIComponent(text)}`;
}

export function speechRoutes(services: Services): Router {
  const router = Router();
  const { speech, settings } = services;
  const maxChars = settings.speech.maxChars;

  const querySchema = z.object({
    text: z
      .string({ error: '请提供要朗读的文字' })
      .trim()
      .min(1, '请提供要朗读的文字')
      .refine((text) => Array.from(text).length <= maxChars, `朗读内容不超过 ${maxChars} 字，请分段朗读`),
  });

  /** The sentences of the request's text; 400 when there is nothing to say. */
  const sentencesOf = (request: Request, shortFirst = false) => {
    const { text } = validate(querySchema, { text: request.query.text });
    const plan = speech.plan(text, { shortFirst });
    if (plan.sentences.length === 0) {
      throw new HttpError(400, 'SPEECH_TEXT_EMPTY', '这段文字没有可以朗读的内容。');
    }
    return plan;
  };

  /** 304 when the browser holds this version already. */
  const notModified = (request: Request, response: Response, tag: string) => {
    response.setHeader('ETag', tag);
    response.setHeader('Cache-Control', BROWSER_CACHE);
    const held = request.get('if-none-match');
    if (!held || !held.split(/\s*,\s*/).some((candidate) => candidate === tag || candidate === '*')) {
      return false;
    }
    response.status(304).end();
    return true;
  };

  const synthesise = async (request: Request, sentences: string[]): Promise<SpeechAudio> => {
    if (!speech.isCached(sentences)) {
      const decision = services.speechLimiter.take(addressKey(request.ip ?? 'unknown'));
      if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    }
    try {
      return await speech.speak(sentences);
    } catch (error) {
      if (!(error instanceof SpeechUnavailableError)) throw error;
      services.logger.warn('speech unavailable', { reason: error.message });
      throw new HttpError(503, error.code, error.userMessage, { 'Retry-After': '5' });
    }
  };

  router.get('/api/v1/speech/plan', (request, response) => {
    const plan = sentencesOf(request, true);
    speech.warm();
    response.setHeader('Cache-Control', BROWSER_CACHE);
    response.json({
      text: plan.spoken,
      sentences: plan.sentences.map((text, index) => ({
        index,
        text,
        audioUrl: speechPath('audio', text),
        visemesUrl: speechPath('visemes', text),
      })),
    });
  });

  router.get('/api/v1/speech/visemes', async (request, response) => {
    const plan = sentencesOf(request);
    if (notModified(request, response, speech.tagOf(plan.sentences).replace(/^"/, '"v'))) return;
    const { track } = await synthesise(request, plan.sentences);
    response.json({ text: plan.spoken, duration: track.duration, visemes: track.visemes });
  });

  router.get('/api/v1/speech', async (request, response) => {
    const plan = sentencesOf(request);
    if (notModified(request, response, speech.tagOf(plan.sentences))) return;
    const { wav, track } = await synthesise(request, plan.sentences);
    response.setHeader('Content-Type', 'audio/wav');
    response.setHeader('X-Speech-Duration', String(track.duration));
    response.send(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength));
  });

  return router;
}
