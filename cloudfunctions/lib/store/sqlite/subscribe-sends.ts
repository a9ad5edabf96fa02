import type { Database as Db } from 'better-sqlite3';
import type { SubscribeSendDay, SubscribeSendRepo } from '../port';

interface Row {
  day: string;
  kind: string;
  template_id: string;
  sent: number;
  refused: number;
  failed: number;
  last_error: string | null;
  last_error_at: number | null;
}

/**
 * Subscribe-message sends: one row per day, kind and template, counted by an upsert (one statement,
 * so concurrent records each count). The last error is the latest by time, whatever order the
 * records arrive in; SET reads the row as it was, so both columns compare against the old time.
 */
export function sqliteSubscribeSends(db: Db): SubscribeSendRepo {
  const newer = 'excluded.last_error_at IS NOT NULL AND (last_error_at IS NULL OR excluded.last_error_at >= last_error_at)';
  const q = {
    record: db.prepare<[string, string, string, number, number, number, string | null, number | null]>(
      `INSERT INTO subscribe_sends (day, kind, template_id, sent, refused, failed, last_error, last_error_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, kind, template_id) DO UPDATE SET
         sent = sent + excluded.sent,
         refused = refused + excluded.refused,
         failed = failed + excluded.failed,
         last_error = CASE WHEN ${newer} THEN excluded.last_error ELSE last_error END,
         last_error_at = CASE WHEN ${newer} THEN excluded.last_error_at ELSE last_error_at END`,
    ),
    since: db.prepare<[string], Row>('SELECT * FROM subscribe_sends WHERE day >= ? ORDER BY day DESC, kind, template_id'),
  };
  const view = (r: Row): SubscribeSendDay => ({
    day: r.day,
    kind: r.kind,
    templateId: r.template_id,
    sent: r.sent,
    refused: r.refused,
    failed: r.failed,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
  });
  return {
    async record(s) {
      const failed = s.outcome === 'failed';
      q.record.run(s.day, s.kind, s.templateId, Number(s.outcome === 'sent'), Number(s.outcome === 'refused'), Number(failed), failed ? (s.error ?? '') : null, failed ? s.at : null);
    },
    async listSince(fromDay) {
      return q.since.all(fromDay).map(view);
    },
  };
}
