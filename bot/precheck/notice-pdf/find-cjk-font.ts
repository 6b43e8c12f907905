/**
 * Finds the font the notice PDF is set in: NOTICE_FONT_PATH when given, else the system's Noto Sans
 * CJK (Simplified Chinese face of its collection), else another font with Chinese glyphs found by
 * scanning the system font folders as fc-list would. A collection (.ttc) needs the PostScript name
 * of the face to use; the known collections' Simplified Chinese faces are tried first, and the
 * setting may name one as `file.ttc#PostScriptName`.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface NoticeFont {
  path: string;
  /** The face of a collection (.ttc); absent for a single-face file. */
  family?: string;
}

export const FONT_FOLDERS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  '/Library/Fonts',
  '/System/Library/Fonts',
  'C:\\Windows\\Fonts',
];

/** Collections with the face to take from each, by file name. */
const KNOWN_COLLECTIONS: Record<string, string[]> = {
  'notosanscjk-regular.ttc': ['NotoSansCJKsc-Regular'],
  'notosanscjksc-regular.ttc': ['NotoSansCJKsc-Regular'],
  'notoserifcjk-regular.ttc': ['NotoSerifCJKsc-Regular'],
  'sourcehansans-regular.ttc': ['SourceHanSansSC-Regular'],
  'wqy-zenhei.ttc': ['WenQuanYiZenHei'],
  'wqy-microhei.ttc': ['WenQuanYiMicroHei'],
  'simsun.ttc': ['SimSun'],
  'msyh.ttc': ['MicrosoftYaHei'],
  'pingfang.ttc': ['PingFangSC-Regular'],
};

/** Files whose names say they cover Chinese. */
const CHINESE_FONT_NAME =
  /(cjk|wqy|wenquanyi|droidsansfallback|sourcehan|notosanssc|notoserifsc|simhei|simsun|simkai|msyh|pingfang|heiti|songti|kaiti|fangsong|arphic|ukai|uming)/i;

/** The faces of a collection file worth trying, best first. */
export function collectionFaces(file: string): string[] {
  return KNOWN_COLLECTIONS[path.basename(file).toLowerCase()] ?? [];
}

function listFontFiles(folder: string, depth = 0, found: string[] = []): string[] {
  if (depth > 6 || found.length > 5000) return found;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return found;
  }
  for (const entry of entries.sort()) {
    const full = path.join(folder, entry);
    let isFolder: boolean;
    try {
      isFolder = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isFolder) listFontFiles(full, depth + 1, found);
    else if (/\.(ttf|otf|ttc)$/i.test(entry)) found.push(full);
  }
  return found;
}

/**
 * The candidates in the order they are tried: the setting, then Noto Sans CJK, then other Chinese
 * fonts (regular weights before bold, single faces before unknown collections).
 */
export function noticeFontCandidates(settingPath: string | undefined, folders = FONT_FOLDERS): NoticeFont[] {
  const candidates: NoticeFont[] = [];
  const add = (file: string) => {
    if (/\.ttc$/i.test(file)) {
      for (const family of collectionFaces(file)) candidates.push({ path: file, family });
    } else candidates.push({ path: file });
  };
  if (settingPath) {
    // "file.ttc#PostScriptName" names the face of a collection the list above does not know.
    const [file, family] = settingPath.split('#');
    if (family) candidates.push({ path: file, family });
    else add(file);
  }
  const files = folders.flatMap((folder) => listFontFiles(folder));
  const chinese = files.filter((file) => CHINESE_FONT_NAME.test(path.basename(file)));
  const rank = (file: string) => {
    const name = path.basename(file).toLowerCase();
    if (name === 'notosanscjk-regular.ttc') return 0;
    if (/bold|black|heavy|light|thin|medium/.test(name)) return 3;
    return /\.ttc$/.test(name) ? 2 : 1;
  };
  for (const file of [...chinese].sort((a, b) => rank(a) - rank(b))) add(file);
  return candidates;
}
