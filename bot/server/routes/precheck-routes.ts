/**
 * Public pre-check routes (自助预审): the situation questions of an item, and the pre-check itself,
 * which takes the same input and gives the same output as `npm run precheck -- --jsonl`. Both read the
 * catalog in service, so a publish or rollback is seen by the next request.
 */
import { Router } from 'express';
import type { Catalog, Material, ServiceItem } from '../../../knowledge/catalog/schema.ts';
import { ItemNotFoundError } from '../../errors/item-not-found-error.ts';
import { PrecheckInputError } from '../../errors/precheck-input-error.ts';
import { findPrecheckItem } from '../../precheck/find-item.ts';
import { precheck } from '../../precheck/precheck.ts';
import { publicQuestions, situationQuestions } from '../../precheck/situation-questions.ts';
import { HttpError } from '../errors/http-error.ts';
import { precheckNoticeRoutes, recordPrecheck } from './precheck-notice-routes.ts';
import type { Services } from '../services/services.ts';
import { checkedFieldsOf, uploadedDocumentsOf } from './precheck-uploads.ts';

function catalogOf(services: Services): Catalog {
  const catalog = services.catalog();
  if (!catalog) throw new HttpError(503, 'CATALOG_UNAVAILABLE', '事项清单暂不可用，请稍后再试。');
  return catalog;
}

/** The pre-check's own errors as HTTP errors: a bad request is 400, an unknown item 404. */
function asHttpError(error: unknown): unknown {
  if (error instanceof PrecheckInputError) return new HttpError(400, error.code, error.message);
  if (error instanceof ItemNotFoundError) return new HttpError(404, error.code, error.message);
  return error;
}

/** The item's materials as a checklist the citizen can tick, with when each applies. */
function checklistOf(item: ServiceItem): Array<{
  name: string;
  required: Material['required'];
  when?: string;
  exempt?: string;
}> {
  return item.materials.map((material) => ({
    name: material.name,
    required: material.required,
    ...(material.when ? { when: material.when } : {}),
    ...(material.exempt ? { exempt: material.exemptNote ?? '免提交' } : {}),
  }));
}

export function precheckRoutes(services: Services): Router {
  const router = Router();

  router.get('/api/v1/items/:id/precheck-questions', (request, response) => {
    try {
      const item = findPrecheckItem(catalogOf(services), { itemId: request.params.id });
      response.json({
        item: { id: item.id, name: item.name },
        questions: publicQuestions(situationQuestions(item)),
        materials: checklistOf(item),
      });
    } catch (error) {
      throw asHttpError(error);
    }
  });

  router.post('/api/v1/precheck', (request, response) => {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'PRECHECK_INPUT_INVALID', '请求内容应为一个 JSON 对象。');
    }
    try {
      response.setHeader('Cache-Control', 'no-store');
      const catalog = catalogOf(services);
      const documents = uploadedDocumentsOf(services, body);
      const result = precheck(body as Parameters<typeof precheck>[0], catalog, { documents });
      const fields = checkedFieldsOf(body, documents);
      response.json(recordPrecheck(services, request, { fields }, result, catalog));
    } catch (error) {
      throw asHttpError(error);
    }
  });

  router.use(precheckNoticeRoutes(services));
  return router;
}
