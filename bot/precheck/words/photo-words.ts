/**
 * A photo described by its background colour, size or kind ("白底的两寸", "蓝底一寸照", "红底双人照"):
 * any such cue means the citizen has a photo, whatever the catalog calls it (近期免冠彩色证件照片,
 * 出入境证件照片, 双人合影 …).
 *
 * Provenance: the ID-photo conventions of Chinese offices (general:id-photo-terms) — background colours
 * (白/蓝/红底), the 一寸/二寸 sizes and 免冠/半身/证件照 — none taken from a particular catalog.
 */
export const PHOTO_CUE =
  /(白|蓝|红|浅蓝|深蓝|彩色|黑白)(底|背景)|([一二两小大]|\d)寸|证件照|免冠|半身照|大头照|合影|合照|双人照|单人照|照片|相片|^照$/u;

/** Words that tell one photo material from another. */
export const PHOTO_KIND_WORDS = ['双人', '合影', '单人', '出入境', '半身', '彩色'];

/** Couple words imply a photo of two ("我们俩的红底照"). */
const TWO_PEOPLE = /双人|合影|合照|两口子|夫妻|我们俩|我俩|俩人/u;

export function isPhotoPhrase(text: string): boolean {
  return PHOTO_CUE.test(text);
}

/** Whether a material is a photo (by its own name's head noun). */
export function isPhotoMaterial(name: string): boolean {
  return /照片|相片|合影|(证件|免冠)照/u.test(name);
}

/** Kind words of the phrase, with the couple words read as 双人/合影. */
export function photoKinds(text: string): string[] {
  const kinds = PHOTO_KIND_WORDS.filter((word) => text.includes(word));
  if (TWO_PEOPLE.test(text)) kinds.push('双人', '合影');
  if (/单人|一个人|就我/u.test(text)) kinds.push('单人');
  return [...new Set(kinds)];
}
