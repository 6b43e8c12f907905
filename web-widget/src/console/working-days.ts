/**
 * The deadline countdown in working days (工作日), as the hall counts its commitments. Weekends are
 * skipped; statutory holidays are the server's business (it sends `remainingWorkingDays` when it
 * knows them), so this is the fallback when it does not.
 */
export function workingDaysUntil(deadline: Date, now: Date = new Date()): number {
  if (Number.isNaN(deadline.getTime())) return 0;
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(deadline.getFullYear(), deadline.getMonth(), deadline.getDate());
  const sign = end >= start ? 1 : -1;
  let count = 0;
  const cursor = new Date(start);
  while (sign > 0 ? cursor < end : cursor > end) {
    cursor.setDate(cursor.getDate() + sign);
    const day = cursor.getDay();
    if (day !== 0 && day !== 6) count += sign;
  }
  return count;
}

export function countdownText(remaining: number): string {
  if (remaining < 0) return `已超期${-remaining}个工作日`;
  if (remaining === 0) return '今天到期';
  return `剩余${remaining}个工作日`;
}

export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  // A date alone (a deadline day of the hall calendar) is shown as is, not shifted by time zones.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
