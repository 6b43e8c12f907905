/**
 * Checks the numbers a citizen typed (identity number and its card's expiry, unified social credit
 * code, phone) and the item's age rules, so that problems are caught before the visit. Reasons are
 * shown to the citizen, so they say in plain Chinese what is wrong and what to check. There is at
 * most one entry per field: an expired card or an unmet age rule is reported on `idNumber`, the
 * number they come from.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import { creditCodeReason } from './credit-code.ts';
import type { InvalidField } from './precheck-types.ts';
import { ageRuleReason, parseAgeRules } from './validators/age-rules.ts';
import { completedYears, hallToday, parseIsoDate } from './validators/calendar-date.ts';
import type { PrecheckFields } from './validators/fields-schema.ts';
import { idExpiryReason } from './validators/id-expiry.ts';
import { checkIdNumber } from './validators/id-number-check.ts';
import { phoneReason } from './validators/phone.ts';

export interface ValidateFieldsOptions {
  /** The item being checked; its conditions' age rules apply to the ID number's holder. */
  item?: { conditions?: readonly string[] };
  /** Today on the hall's calendar (YYYY-MM-DD); the hall's local date by default. */
  today?: LocalDate;
}

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

function idNumberReasons(fields: PrecheckFields, options: ValidateFieldsOptions, today: LocalDate): string[] {
  const reasons: string[] = [];
  if (given(fields.idNumber)) {
    const checked = checkIdNumber(fields.idNumber, today);
    if (!checked.ok) reasons.push(checked.reason);
    else {
      const rules = parseAgeRules(options.item?.conditions ?? []);
      const day = parseIsoDate(today);
      const age = completedYears(checked.birth, day);
      const reason = ageRuleReason(rules, age, checked.sex, { birth: checked.birth, today: day });
      if (reason) reasons.push(reason);
    }
  }
  if (given(fields.idExpiry)) {
    const reason = idExpiryReason(fields.idExpiry, today);
    if (reason) reasons.push(reason);
  }
  return reasons;
}

export function validateFields(fields: PrecheckFields, options: ValidateFieldsOptions = {}): InvalidField[] {
  const today = options.today ?? hallToday();
  const invalid: InvalidField[] = [];
  const idReasons = idNumberReasons(fields, options, today);
  if (idReasons.length > 0) invalid.push({ field: 'idNumber', reason: idReasons.join('') });
  if (given(fields.creditCode)) {
    const reason = creditCodeReason(fields.creditCode);
    if (reason) invalid.push({ field: 'creditCode', reason });
  }
  if (given(fields.phone)) {
    const reason = phoneReason(fields.phone);
    if (reason) invalid.push({ field: 'phone', reason });
  }
  return invalid;
}
