/**
 * Where a posted need came from (需求的来源): typed by staff, or from a report, a deliberation topic or
 * a partner's visit of the same community. A source of another community, or one that is gone, is
 * NEED.BAD_SOURCE; a visit becomes one need (posting from it sets visit.needId).
 */
import { DomainError, type Need, type NeedSource, type Unit } from '../../../../src/core';
import type { AuthedContext } from '../define';

export interface SourceRef {
  kind: Exclude<NeedSource, 'typed'>;
  id: string;
}

/** What a retry of a post from a visit finds: the need it made already (null when none). */
export type SourceCheck = { ok: true } | { ok: false; posted: Need };

const bad = (why?: string) => new DomainError('NEED.BAD_SOURCE', why, 'source.id');

export async function checkSource(ctx: AuthedContext, source: SourceRef, community: Unit, clientRequestId: string): Promise<SourceCheck> {
  const { store } = ctx.deps;
  const inCommunity = (path: string) => path.startsWith(community.path);
  if (source.kind === 'report') {
    // Staff of the community read every report under it: that is who posts needs.
    const r = await store.reports.get(source.id);
    if (!r || !inCommunity(r.unitPath)) throw bad();
    return { ok: true };
  }
  if (source.kind === 'topic') {
    const t = await store.topics.get(source.id);
    if (!t || t.communityId !== community.id) throw bad();
    return { ok: true };
  }
  const v = await store.partnerVisits.get(source.id);
  if (!v || v.communityId !== community.id) throw bad();
  if (v.needId) {
    const posted = await store.needs.get(v.needId);
    if (posted && posted.clientRequestId === clientRequestId) return { ok: false, posted };
    throw bad('这次走访已经发布过需求了，请在需求清单里查看');
  }
  return { ok: true };
}
