/**
 * The Chinese (zh-CN) language knowledge of the understanding, read from the data files in
 * knowledge/language/zh-CN/: which classes each file holds, loaded and validated once. The files
 * are the reviewable part (one cue a line with its source); the code that applies them lives in
 * bot/understanding.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCueClasses, type CueClass } from './cue-file.ts';

export { ASPECT_CLASSES } from './aspect-classes.ts';
import { ASPECT_CLASSES } from './aspect-classes.ts';
export const FILLER_CLASSES = [
  'request',
  'address',
  'self',
  'interjection',
  'hedge',
  'modal',
  'question',
  'verb',
  'english',
] as const;
export const SMALL_TALK_CLASSES = ['greeting', 'thanks', 'goodbye', 'identity'] as const;
export const DISCOURSE_CLASSES = [
  'reference_back',
  'correction',
  'definition',
  'joint',
  'theme_name',
  'progress',
  'choice_last',
  'hypothetical',
] as const;
export const HANDOVER_CLASSES = ['handover', 'complaint', 'channel'] as const;
export const HARD_CASE_CLASSES = [
  'dispute',
  'failure',
  'uncovered',
  'special_needs',
  'ruling',
  'record_error',
  'emotion',
] as const;
export const OFF_TOPIC_CLASSES = ['topic', 'advice', 'creative', 'task', 'harmful'] as const;
export const INJECTION_CLASSES = ['instruction', 'role_play', 'secret', 'scripted_reply', 'markup'] as const;
export const DOMAIN_CLASSES = ['service'] as const;
export const LIFECYCLE_CLASSES = ['first', 'change', 'closure', 'loss', 'renewal', 'transfer'] as const;
export const NARRATIVE_CLASSES = [
  'past_event',
  'reported_speech',
  'contrast',
  'negative_outcome',
  'duration',
  'question_form',
] as const;

export const HOLDING_CLASSES = ['holding'] as const;

type Classes<Names extends readonly string[]> = Record<Names[number], CueClass>;

export interface ChineseCues {
  aspects: Classes<typeof ASPECT_CLASSES>;
  filler: Classes<typeof FILLER_CLASSES>;
  smallTalk: Classes<typeof SMALL_TALK_CLASSES>;
  discourse: Classes<typeof DISCOURSE_CLASSES>;
  handover: Classes<typeof HANDOVER_CLASSES>;
  hardCases: Classes<typeof HARD_CASE_CLASSES>;
  offTopic: Classes<typeof OFF_TOPIC_CLASSES>;
  injection: Classes<typeof INJECTION_CLASSES>;
  domain: Classes<typeof DOMAIN_CLASSES>;
  lifecycle: Classes<typeof LIFECYCLE_CLASSES>;
  narrative: Classes<typeof NARRATIVE_CLASSES>;
  holdings: Classes<typeof HOLDING_CLASSES>;
}

const DEFAULT_FOLDER = fileURLToPath(new URL('./zh-CN/', import.meta.url));

/** Reads every data file of a folder laid out as zh-CN/ (a LanguageDataError names a bad line). */
export function loadChineseCues(folder = DEFAULT_FOLDER): ChineseCues {
  const file = (name: string) => path.join(folder, name);
  return {
    aspects: loadCueClasses(file('aspects.txt'), ASPECT_CLASSES),
    filler: loadCueClasses(file('filler.txt'), FILLER_CLASSES),
    smallTalk: loadCueClasses(file('small-talk.txt'), SMALL_TALK_CLASSES),
    discourse: loadCueClasses(file('discourse.txt'), DISCOURSE_CLASSES),
    handover: loadCueClasses(file('handover.txt'), HANDOVER_CLASSES),
    hardCases: loadCueClasses(file('hard-cases.txt'), HARD_CASE_CLASSES),
    offTopic: loadCueClasses(file('off-topic.txt'), OFF_TOPIC_CLASSES),
    injection: loadCueClasses(file('injection.txt'), INJECTION_CLASSES),
    domain: loadCueClasses(file('domain.txt'), DOMAIN_CLASSES),
    lifecycle: loadCueClasses(file('lifecycle.txt'), LIFECYCLE_CLASSES),
    narrative: loadCueClasses(file('narrative.txt'), NARRATIVE_CLASSES),
    holdings: loadCueClasses(file('holdings.txt'), HOLDING_CLASSES),
  };
}

let defaultCues: ChineseCues | undefined;

/** The shipped cues, loaded on first use. */
export function defaultChineseCues(): ChineseCues {
  defaultCues ??= loadChineseCues();
  return defaultCues;
}
