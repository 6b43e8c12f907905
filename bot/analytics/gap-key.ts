/** The key a knowledge gap is marked by: the question without case, width, script or punctuation differences. */
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';

export const gapKey = (question: string): string => normalizeForMatch(question);
