/**
 * Subscribe-message sends on CloudBase: one document per day, kind and template, `_id`
 * `${day}|${kind}|${templateId}` (so a day's documents sort together and `_id` alone ranges over days).
 * A record increments the document; the first of a day adds it (`addOnce`), and a record that lost
 * that race increments the one the winner added: each is counted once. A failure's error is then set
 * only over an older one, so the last error is the latest by time whatever order records land in.
 */
import type { SendOutcome, SubscribeSend, SubscribeSendDay, SubscribeSendRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface SendDoc extends Stored, SubscribeSendDay {}

const idOf = (s: Pick<SubscribeSend, 'day' | 'kind' | 'templateId'>) => `${s.day}|${s.kind}|${s.templateId}`;
/** Code-unit order, as SQLite's ORDER BY compares text. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const countsOf = (o: SendOutcome) => ({ sent: Number(o === 'sent'), refused: Number(o === 'refused'), failed: Number(o === 'failed') });

export function cloudbaseSubscribeSends(kit: CloudbaseKit): SubscribeSendRepo {
  const _ = kit.command;
  const coll = () => kit.coll('subscribe_sends');

  return {
    async record(s) {
      const id = idOf(s);
      const n = countsOf(s.outcome);
      const failed = s.outcome === 'failed';
      const error = failed ? (s.error ?? '') : null;
      const inc = () => kit.update(coll().where({ _id: id }), { sent: _.inc(n.sent), refused: _.inc(n.refused), failed: _.inc(n.failed) });
      if ((await inc()) === 0) {
        const first: SendDoc = { _id: id, day: s.day, kind: s.kind, templateId: s.templateId, ...n, lastError: error, lastErrorAt: failed ? s.at : null };
        if (await kit.addOnce('subscribe_sends', first)) return;
        // Another record added the day first: count this one on it.
        if ((await inc()) === 0) throw new Error(`subscribe send day ${id} vanished while counting`);
      }
      if (failed) await kit.update(coll().where(_.and([{ _id: id }, _.or([{ lastErrorAt: null }, { lastErrorAt: _.lte(s.at) }])])), { lastError: error, lastErrorAt: s.at });
    },
    async listSince(fromDay) {
      const docs = await kit.drain<SendDoc>((after) => coll().where({ _id: after === null ? _.gte(fromDay) : _.gt(after) }).orderBy('_id', 'asc'), (d) => d._id);
      return docs
        .map(({ _id, ...d }): SubscribeSendDay => ({ day: d.day, kind: d.kind, templateId: d.templateId, sent: d.sent, refused: d.refused, failed: d.failed, lastError: d.lastError ?? null, lastErrorAt: d.lastErrorAt ?? null }))
        .sort((a, b) => (a.day !== b.day ? byCode(b.day, a.day) : a.kind !== b.kind ? byCode(a.kind, b.kind) : byCode(a.templateId, b.templateId)));
    },
  };
}
