/**
 * The aspects of a service item a citizen can ask about (要带什么 → materials, 几号窗口 → where …):
 * the classes of knowledge/language/zh-CN/aspects.txt and, with `overview`, the answer intents of
 * bot/types.ts. Dependency-free, so that browser code may import the types built on it.
 */
export const ASPECT_CLASSES = [
  'materials',
  'time',
  'fee',
  'where',
  'online',
  'conditions',
  'process',
  'basis',
  'contact',
] as const;
