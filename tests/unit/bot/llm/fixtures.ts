/**
 * Real answers to rephrase: items of the committed default catalog, composed by the real composer,
 * and the fact vocabulary of that catalog and hall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import type { Composed } from '../../../../bot/compose/composed.ts';
import { collectFactVocabulary } from '../../../../bot/llm/fact-vocabulary.ts';
import type { Aspect } from '../../../../bot/types.ts';
import type { ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { validateCatalog } from '../../../../knowledge/catalog/validate.ts';
import { hallSchema } from '../../../../knowledge/hall/schema.ts';
import type { RecordedRequest } from './fake-openai-server.ts';

const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));

const validated = validateCatalog(readJson('../../../../knowledge/data/catalog.json'), {
  file: 'catalog.json',
});
if (!validated.catalog) {
  throw new Error(`the default catalog does not validate: ${validated.issues[0]?.message}`);
}
export const catalog = validated.catalog;
export const hall = hallSchema.parse(readJson('../../../../knowledge/data/hall.json'));
export const vocabulary = collectFactVocabulary({ catalog, hall });

export function item(id: string): ServiceItem {
  const found = catalog.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`fixture item ${id} is not in the default catalog`);
  return found;
}

export function composed(id: string, aspect: Aspect): Composed {
  return composeItemAnswer({ item: item(id), aspect, hall, themes: [] });
}

/** The composed answer as the model received it in the user message. */
export function composedFrom(request: RecordedRequest): string {
  const user = request.body.messages.find((message) => message.role === 'user')?.content ?? '';
  const marker = '【原答复】（事实以此为准）\n';
  const at = user.indexOf(marker);
  if (at < 0) throw new Error('the user message does not carry the composed answer');
  return user.slice(at + marker.length);
}

/** Replaces one fact, failing loudly if the composed wording no longer contains it. */
export function tamper(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text does not contain "${from}":\n${text}`);
  return text.replace(from, to);
}
