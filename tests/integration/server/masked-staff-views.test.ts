/**
 * Reproduction of issue 9, finding 4: personal numbers written the way citizens write them (grouped,
 * dotted, full-width, Chinese numerals, zero-width characters) were shown raw in the staff case
 * list, transcript, ratings, gaps, analytics and CSV. A generated sample goes in through the real
 * citizen API (questions, cases, poor ratings) and every staff view, the audit log and the log lines
 * are read back: no 8 consecutive digits of any number may remain legible. The same holds for the
 * escalation reason the assistant returns.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { StaffClient, requestJson } from '../../helpers/server-clients.ts';
import { randomWriting, seededRandom, survivingNumber, type Writing } from '../../helpers/number-writings.ts';

const SAMPLE = 120;
const UNLIMITED = 1_000_000;

const harness = useHarness({
  settings: {
    limits: {
      ipPerMinute: UNLIMITED,
      sessionPerMinute: UNLIMITED,
      loginPerMinute: UNLIMITED,
      ratingsIpPerMinute: UNLIMITED,
    },
    logLevel: 'debug',
  },
});

interface CaseListBody {
  cases: Array<{ number: string }>;
}

/** Every number of the sample still legible in `text`. */
function legible(writings: Writing[], text: string): string[] {
  return writings
    .filter((writing) => survivingNumber(text, writing.number.digits) !== undefined)
    .map((writing) => writing.text);
}

describe('masking in every staff view', () => {
  it(`shows none of ${SAMPLE} generated personal numbers in cases, transcripts, ratings, gaps, analytics, CSV, audit and logs`, async () => {
    const random = seededRandom(9);
    const writings = Array.from({ length: SAMPLE }, () => randomWriting(random));
    // The oracle reads every number in the raw texts, so the checks below can fail.
    expect(legible(writings, writings.map((writing) => writing.text).join('\n'))).toHaveLength(SAMPLE);

    for (const [index, writing] of writings.entries()) {
      const sessionId = `masking-sample-${index}`;
      const asked = await requestJson(`${harness.url}/api/v1/ask`, {
        body: { question: writing.text, sessionId },
      });
      expect(asked.status).toBe(200);
      if (index % 3 === 0) {
        const opened = await requestJson(`${harness.url}/api/v1/cases`, {
          body: { sessionId, category: '办不成事反映', description: writing.text, consent: true },
        });
        expect(opened.status).toBeLessThan(300);
      }
      if (index % 3 === 1) {
        const rated = await requestJson(`${harness.url}/api/v1/ratings`, {
          body: { sessionId, target: 'conversation', level: '不满意', comment: writing.text },
        });
        expect(rated.status).toBe(201);
      }
    }

    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const list = await staff.get<CaseListBody>('/api/v1/staff/cases');
    expect(list.body.cases.length).toBeGreaterThanOrEqual((SAMPLE * 2) / 3 - 1);
    const details = await Promise.all(
      list.body.cases.map((record) => staff.get(`/api/v1/staff/cases/${encodeURIComponent(record.number)}`)),
    );
    const ratings = await staff.get('/api/v1/staff/ratings');
    const gaps = await staff.get<{ gaps: unknown[] }>('/api/v1/staff/gaps');
    const analytics = await staff.get('/api/v1/staff/analytics');
    const csv = await staff.get('/api/v1/staff/analytics.csv?report=gaps');
    const audit = await staff.get('/api/v1/staff/audit');
    expect(gaps.body.gaps.length).toBeGreaterThan(0);

    const views: Record<string, string> = {
      'case list': JSON.stringify(list.body),
      'case details and transcripts': details.map((detail) => JSON.stringify(detail.body)).join('\n'),
      ratings: JSON.stringify(ratings.body),
      gaps: JSON.stringify(gaps.body),
      analytics: JSON.stringify(analytics.body),
      'CSV export': String(csv.body),
      'audit log': JSON.stringify(audit.body),
      logs: harness.logs.join('\n'),
    };
    // The transcripts hold every question of the cases' conversations.
    expect(views['case details and transcripts']).toContain('"role":"citizen"');
    for (const [view, text] of Object.entries(views)) {
      expect({ view, legible: legible(writings, text).slice(0, 5) }).toEqual({ view, legible: [] });
    }
  });

  it('masks the escalation reason the assistant returns', async () => {
    const question = '我要投诉，窗口说办不了，我的电话是1391 2340 003，身份证440103.1995.0620.2222';
    const response = await requestJson<{ escalate: boolean; escalation?: { reason: string } }>(
      `${harness.url}/api/v1/ask`,
      { body: { question, sessionId: 'masking-escalation-01' } },
    );
    expect(response.body.escalate).toBe(true);
    const reason = response.body.escalation?.reason ?? '';
    expect(reason).toContain('139****0003');
    expect(survivingNumber(reason, '13912340003')).toBeUndefined();
    expect(survivingNumber(reason, '440103199506202222')).toBeUndefined();
  });
});
