/**
 * Checks the numbers a citizen typed (identity number, unified social credit code, phone) so typos are
 * caught before the visit. Reasons are shown to the citizen, so they say what to check, in Chinese.
 */
import { idNumberProblem } from '../privacy/id-number.ts';
import { creditCodeProblem } from './credit-code.ts';
import type { InvalidField } from './precheck-types.ts';

const ID_REASONS = {
  format: '身份证号码应为18位，前17位是数字，最后一位是数字或字母X，请核对。',
  legacy: '这是15位的旧身份证号码，请提供18位的居民身份证号码。',
  birthDate: '身份证号码中的出生日期（第7至14位）不是有效日期，请核对。',
  checksum: '身份证号码的最后一位校验码不正确，可能有数字输错，请逐位核对。',
} as const;

const CREDIT_CODE_REASONS = {
  length: '统一社会信用代码应为18位，请核对。',
  characters: '统一社会信用代码只含数字和大写字母（不含I、O、Z、S、V），请核对。',
  checksum: '统一社会信用代码的最后一位校验码不正确，可能有字符输错，请逐位核对。',
} as const;

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export function validateFields(fields: {
  idNumber?: string;
  creditCode?: string;
  phone?: string;
}): InvalidField[] {
  const invalid: InvalidField[] = [];
  if (fields.idNumber !== undefined && fields.idNumber.trim() !== '') {
    const problem = idNumberProblem(fields.idNumber);
    if (problem) invalid.push({ field: 'idNumber', reason: ID_REASONS[problem] });
  }
  if (fields.creditCode !== undefined && fields.creditCode.trim() !== '') {
    const problem = creditCodeProblem(fields.creditCode);
    if (problem) invalid.push({ field: 'creditCode', reason: CREDIT_CODE_REASONS[problem] });
  }
  if (fields.phone !== undefined && fields.phone.trim() !== '') {
    const compact = fields.phone.replace(/[\s()（）-]/g, '');
    if (!MOBILE.test(compact) && !LANDLINE.test(compact)) {
      invalid.push({
        field: 'phone',
        reason: '联系电话应为11位手机号码（以1开头）或带区号的固定电话，请核对。',
      });
    }
  }
  return invalid;
}
