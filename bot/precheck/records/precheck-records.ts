/**
 * Pre-check records: a pre-check made over HTTP is kept, with its personal numbers masked, under a
 * pre-check number, so that the citizen can reopen and download their one-time notice (with the
 * secret key of its link) and the window clerk can open the same result by the number. Records are
 * kept `retentionDays` and swept after that.
 */
import { toLocalDate } from '../../calendar/local-date.ts';
import type { PrecheckRecords } from '../../store/store.ts';
import type { PrecheckResult, PrecheckWhere } from '../precheck-types.ts';
import type { PrecheckFields } from '../validators/fields-schema.ts';
import { maskFields, maskStrings, type MaskedFields } from './mask-precheck.ts';
import { hashNoticeKey, newNoticeKey, noticeKeyMatches } from './notice-key.ts';
import { newPrecheckNo } from './precheck-number.ts';

/** A stored pre-check as the notice, the widget and the console show it. */
export interface PrecheckNotice extends PrecheckResult {
  precheckNo: string;
  where: PrecheckWhere;
  hallName: string;
  /** The numbers the citizen typed, masked. */
  fields: MaskedFields;
  createdAt: string;
  expiresAt: string;
}

export interface PrecheckRecordService {
  /** Keeps `result` under a new number; the key is returned once and never stored. */
  save(
    result: PrecheckResult & { where: PrecheckWhere },
    context: { fields?: PrecheckFields; hallName: string },
  ): { notice: PrecheckNotice; noticeKey: string };
  /** The citizen's notice, when the key is its own and it has not expired. */
  openWithKey(precheckNo: string, key: string): PrecheckNotice | undefined;
  /** The notice by number alone (staff). */
  open(precheckNo: string): PrecheckNotice | undefined;
  /** Deletes the expired records; returns how many. */
  sweep(): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Draws before giving up; with 31⁵ numbers a day a second draw is already rare. */
const MAX_DRAWS = 20;

export function createPrecheckRecords(options: {
  records: PrecheckRecords;
  retentionDays: number;
  timeZone: string;
  clock?: () => Date;
  /** The number generator (tests force collisions). */
  newNumber?: (localDate: string) => string;
}): PrecheckRecordService {
  const { records, retentionDays, timeZone } = options;
  const clock = options.clock ?? (() => new Date());
  const draw = options.newNumber ?? ((localDate: string) => newPrecheckNo(localDate));

  const live = (precheckNo: string) => {
    const record = records.get(precheckNo);
    if (!record || record.expiresAt <= clock().toISOString()) return undefined;
    return record;
  };
  const parse = (json: string) => JSON.parse(json) as PrecheckNotice;

  return {
    save(result, context) {
      const now = clock();
      const createdAt = now.toISOString();
      const expiresAt = new Date(now.getTime() + retentionDays * DAY_MS).toISOString();
      const localDate = toLocalDate(now, timeZone);
      const noticeKey = newNoticeKey();
      const { precheckNo: _unset, ...rest } = maskStrings(result);
      for (let attempt = 0; attempt < MAX_DRAWS; attempt += 1) {
        const precheckNo = draw(localDate);
        const notice: PrecheckNotice = {
          ...rest,
          precheckNo,
          hallName: context.hallName,
          fields: maskFields(context.fields),
          createdAt,
          expiresAt,
        };
        const inserted = records.insert({
          precheckNo,
          keyHash: hashNoticeKey(precheckNo, noticeKey),
          itemId: result.item.id,
          itemName: result.item.name,
          resultJson: JSON.stringify(notice),
          createdAt,
          expiresAt,
        });
        if (inserted) return { notice, noticeKey };
      }
      throw new Error(`no free pre-check number after ${MAX_DRAWS} draws`);
    },
    openWithKey(precheckNo, key) {
      const record = live(precheckNo);
      if (!record || !noticeKeyMatches(precheckNo, key, record.keyHash)) return undefined;
      return parse(record.resultJson);
    },
    open(precheckNo) {
      const record = live(precheckNo);
      return record ? parse(record.resultJson) : undefined;
    },
    sweep() {
      return records.deleteExpired(clock().toISOString());
    },
  };
}
