/** A report as a row of the management page: its summary plus what staff see (who reported it, the channel). */
import { CHANNEL_LABEL, type CommunityPolicy, type DeskRow, type Report } from '../../../../src/core';
import type { Deps } from '../../deps';
import { policyFor } from '../policy';
import { namesFor, summary, type Names } from '../reports/views';

/** Desk rows for reports, names and category labels looked up once for the whole page. */
export async function rowsOf(deps: Deps, reports: readonly Report[]): Promise<DeskRow[]> {
  const names = await namesFor(deps, reports);
  const policies = new Map<string | null, Promise<CommunityPolicy>>();
  const policy = (id: string | null) => {
    let p = policies.get(id);
    if (!p) policies.set(id, (p = policyFor(deps, id)));
    return p;
  };
  const now = deps.clock.now();
  return Promise.all(reports.map(async (r) => deskRow(r, names, await policy(r.communityId), now)));
}

function deskRow(r: Report, names: Names, policy: CommunityPolicy, now: number): DeskRow {
  const resident = r.residentId ? names.people.get(r.residentId) : undefined;
  return {
    ...summary(r, names, policy, now),
    channel: r.channel,
    channelLabel: CHANNEL_LABEL[r.channel],
    // Staff hold report.view: they see who reported, anonymous or not (anonymity is towards the public).
    residentName: resident?.name ?? r.contactName,
    residentPhone: resident ? resident.phone : r.contactPhone,
    breached: r.breached,
    escalations: r.escalations,
    disputes: r.disputes,
    rating: r.rating,
    resolvedAt: r.resolvedAt,
    followUpOpen: r.followUp?.status === 'open',
  };
}
