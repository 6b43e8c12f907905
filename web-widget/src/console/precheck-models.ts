/** A stored pre-check as `GET /api/v1/staff/prechecks/:no` returns it (docs/http-api.md). */
export interface PrecheckNoticeView {
  precheckNo: string;
  hallName: string;
  item: { id: string; name: string };
  missing: Array<{ name: string; note?: string }>;
  invalid: Array<{ field: string; reason: string }>;
  deferrable: Array<{ name: string }>;
  exempt: Array<{ name: string; note: string }>;
  matched: Array<{ said: string; material: string }>;
  unrecognised: string[];
  /** The numbers the citizen typed, masked by the server. */
  fields: Record<string, string | undefined>;
  where: { zone: string; window: string; ticketCategory?: string; hours: string; address?: string };
  createdAt: string;
  expiresAt: string;
  consoleUrl: string;
}
