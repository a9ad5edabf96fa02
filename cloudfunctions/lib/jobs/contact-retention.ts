/**
 * Retention (PIPL: kept no longer than needed): a closed or rejected report keeps the contact name
 * and phone it was recorded with for its community's `retentionYears` (default 3) after closing;
 * then this job removes them. The report itself stays (the figures and the ledger count it).
 *
 * Each report is cleared by the ordinary version-checked save, with its audit entry in the same
 * write (who and what was removed is not in it: the fields removed, the years, no name or phone), so
 * two runs at once clear and audit each report once, and a run stopped for time leaves the rest to
 * the next. Walking the communities reads the unit tree, so a day whose work is all done is marked
 * and later runs that day do nothing.
 */
import { dayKey, type Report } from '../../../src/core';
import type { Deps } from '../deps';
import { policyFor } from '../actions/policy';
import type { AuditEntry } from '../store/port';
import type { JobContext } from '../timer/job';

/** Reports read and saved at a time. */
export const RETENTION_BATCH = 50;

/** The meta key holding the China date on which every community's due contacts were cleared. */
export const RETENTION_DONE_KEY = 'retention:contacts:done';

export interface ContactRetention {
  cleared: number;
  /** Stopped for time with reports left: the next run continues. */
  more: boolean;
}

/** The instant `years` calendar years before `now`: contacts of reports closed before it are due. */
export function retentionCutoff(now: number, years: number): number {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}

function cleared(deps: Deps, r: Report, years: number, now: number): { report: Report; audit: AuditEntry } {
  return {
    report: { ...r, contactName: null, contactPhone: null, updatedAt: now },
    audit: {
      id: deps.ids.next('aud'),
      at: now,
      actorId: null,
      action: 'reports.contactExpired',
      targetKind: 'report',
      targetId: r.id,
      unitPath: r.unitPath,
      detail: { removed: ['contactName', 'contactPhone'].filter((k) => r[k as 'contactName' | 'contactPhone'] !== null), retentionYears: years },
    },
  };
}

export async function clearExpiredContacts(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>): Promise<ContactRetention> {
  const now = deps.clock.now();
  const today = dayKey(now);
  const mark = await deps.store.meta.get(RETENTION_DONE_KEY);
  if (mark === today) return { cleared: 0, more: false };
  let count = 0;
  for (const street of await deps.store.units.listRoots()) {
    for (const community of (await deps.store.units.listSubtree(street.path)).filter((u) => u.kind === 'community')) {
      const years = (await policyFor(deps, community.id)).retentionYears;
      const before = retentionCutoff(now, years);
      for (;;) {
        if (ctx && ctx.now() >= ctx.deadline) {
          deps.log.info('retention.contacts', { cleared: count, more: true });
          return { cleared: count, more: true };
        }
        const due = await deps.store.reports.listContactKept(community.id, before, RETENTION_BATCH);
        if (due.length === 0) break;
        const saves = due.map((r) => {
          const c = cleared(deps, r, years, now);
          return { report: c.report, expectedVersion: r.version, entries: [], also: { audit: [c.audit] }, before: r };
        });
        // A report another run (or a handler) saved first gives null here; it is listed again only if it still holds a contact.
        const landed = (await deps.store.reports.saveAll(saves)).filter((x) => x !== null).length;
        count += landed;
        // Nothing of this batch landed: others are clearing it; leave it to them rather than spin.
        if (landed === 0 || due.length < RETENTION_BATCH) break;
      }
    }
  }
  await deps.store.meta.compareAndSet(RETENTION_DONE_KEY, mark, today);
  deps.log.info('retention.contacts', { cleared: count, more: false });
  return { cleared: count, more: false };
}
