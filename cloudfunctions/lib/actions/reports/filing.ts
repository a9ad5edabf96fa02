/** Filing a report: the categories to choose from, what is already reported, the report itself, and +1 on a neighbour's. */
import {
  DEFAULT_POLICY,
  DomainError,
  LEVEL_LABEL,
  ROLE_LABEL,
  WATCHES_URGENT_IN_BUILDING,
  addFollower,
  comment,
  createReport,
  isHandler,
  isReportOwner,
  mayFileReport,
  mayFollowReport,
  mayRecordFor,
  mayRecordForResident,
  doorLabel,
  householdKey,
  mayFileOnVisit,
  route,
  seesOnItsUnit,
  voiceLabel,
  type Pairing,
  type Report,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';
import { auditEntry, bindingsOf } from '../common';
import { personAction, type FunctionDef } from '../define';
import { categoryOf, policyFor } from '../policy';
import { mayView } from './access';
import { act, commit } from './commit';
import { about, labelOf, noticeTo, type ReportLabel } from './notices';
import { chainOf, handlerBindingsOn } from './routing';
import { detail, namesFor, placeOf, summary } from './views';

const HOUR = 3600_000;

/**
 * The watchers of a new urgent report filed in a building (关注, access.ts WATCHES_URGENT_IN_BUILDING):
 * told it was filed and who handles it; not its handler (who has their own notice) nor its filer.
 */
async function urgentWatchNotices(deps: Deps, r: Report, label: ReportLabel, filerId: string): Promise<Notice[]> {
  if (!r.urgent) return [];
  const unit = await deps.store.units.get(r.unitId);
  if (unit?.kind !== 'building') return [];
  const handler = r.handlerId ? await deps.store.people.get(r.handlerId) : null;
  const handlerRole = handler && r.levelUnitId ? (await deps.store.bindings.listForPerson(handler.id)).find((b) => b.unitId === r.levelUnitId)?.role : undefined;
  const by = `${handlerRole ? ROLE_LABEL[handlerRole] : LEVEL_LABEL[r.level]}${handler ? handler.name : ''}`;
  const watchers = new Set((await deps.store.bindings.listWithRoles([unit.id], WATCHES_URGENT_IN_BUILDING)).map((b) => b.personId));
  return [...watchers]
    .filter((id) => id !== r.handlerId && id !== filerId && id !== r.residentId)
    .flatMap((id) => noticeTo(id, 'report.urgentWatch', '您楼里有一条紧急反映', { text: `已交${by}办理，您可以查看进展`, note: r.description }, about(r, label), 'resident'));
}

/** Does the person live in the pairing's household: a resident of its building at its door. */
async function livesThere(deps: Deps, personId: string, p: Pairing): Promise<boolean> {
  const homes = await deps.store.bindings.listForPerson(personId);
  return homes.some((b) => b.role === 'resident' && b.unitId === p.buildingId && !!b.door && householdKey({ buildingId: b.unitId, door: b.door }) === p.householdKey);
}

export const filing: FunctionDef = {
  categories: personAction(schemas.reports.categories, async (ctx, input) => {
    const unit = input.unitId ? await ctx.deps.store.units.get(input.unitId) : null;
    const chain = unit ? await chainOf(ctx.deps, unit) : [];
    const community = chain.find((u) => u.kind === 'community') ?? null;
    const policy = await policyFor(ctx.deps, community?.id ?? null);
    // speechToText: the form may offer WeChat's speech-to-text for voice notes (off unless staff turn it on).
    return { categories: policy.categories, speechToText: policy.speechToText === true };
  }),

  // "邻居已经反映过": neighbours' open reports the caller could still +1. Their own report is not a
  // neighbour's (following it would change nothing), nor is one they already follow.
  similar: personAction(schemas.reports.similar, async (ctx, input) => {
    const now = ctx.deps.clock.now();
    const me = ctx.caller.person.id;
    const found = await ctx.deps.store.reports.findOpenSimilar(input.unitId, input.category, now - 48 * HOUR);
    const visible = found.filter(
      (r) => r.unitId === input.unitId && !isReportOwner(me, r) && !r.followers.includes(me) && (seesOnItsUnit(ctx.caller.bindings, r) || mayView(ctx.caller, r)),
    );
    const names = await namesFor(ctx.deps, visible);
    return visible.map((r) => summary(r, names, DEFAULT_POLICY, now));
  }),

  create: personAction(schemas.reports.create, async (ctx, input) => {
    const { deps, caller } = ctx;
    const unit = await deps.store.units.get(input.unitId);
    if (!unit || unit.archived || (unit.kind !== 'building' && unit.kind !== 'compound')) throw new DomainError('UNIT.NOT_FOUND', '请选择您住的楼栋', 'unitId');
    const channel = input.channel ?? 'resident';
    const onBehalf = channel !== 'resident';
    // A member visiting a household they are paired with files for it (access.ts RECORDS_ON_PAIRED_VISITS).
    const pairing = input.pairingId ? await deps.store.pairings.get(input.pairingId) : null;
    if (input.pairingId && (channel !== 'visit' || !pairing || !mayFileOnVisit(caller.person.id, caller.bindings, pairing, unit)))
      throw new DomainError('PAIRING.NOT_FOUND', '只能在走访时为您自己结对的住户代报，并且选这一户所在的楼栋或小区', 'pairingId');
    if (pairing) {
      if (input.residentId && !(await livesThere(deps, input.residentId, pairing)))
        throw new DomainError('PERSON.NOT_FOUND', '找不到这位居民：只能选这一户登记的居民，其他人请只填写姓名和电话', 'residentId');
    } else if (onBehalf) {
      // A building lead records a message from the group chat; staff record visits and calls.
      if (!mayRecordForResident(caller.bindings, unit))
        throw new DomainError(
          'AUTH.FORBIDDEN',
          isHandler(caller.bindings) ? '只能为您负责的楼栋和小区的居民代报' : '替居民登记反映是给楼栋长、物业和社区工作人员用的；您自己遇到的问题，可以在首页随手拍反映',
        );
      if (channel === 'group_chat' && !input.residentId && !input.contactName) throw new DomainError('INPUT.INVALID', '请填写居民姓名', 'contactName');
      if (!mayRecordForResident(caller.bindings, unit, channel)) throw new DomainError('AUTH.FORBIDDEN', '走访和电话记录由社区工作人员登记');
    } else if (!mayFileReport(caller.bindings, unit)) {
      throw new DomainError('REPORT.NOT_RESIDENT', undefined, 'unitId');
    }
    // A named resident must live inside the recorder's unit, or the report would land in a
    // stranger's list; someone who does not exist gets the same answer, so ids cannot be probed.
    if (!pairing && channel !== 'resident' && input.residentId && !mayRecordFor(caller.bindings, unit, channel, await bindingsOf(deps, input.residentId)))
      throw new DomainError('PERSON.NOT_FOUND', '找不到这位居民：只能为您负责范围内登记的居民代报，其他人请只填写姓名和电话', 'residentId');
    const chain = await chainOf(deps, unit);
    const community = chain.find((u) => u.kind === 'community') ?? null;
    const policy = await policyFor(deps, community?.id ?? null);
    const category = categoryOf(policy, input.category);
    // A voice note with a category is a report: words are asked for only when there is no voice.
    if (!input.description && !input.voice) throw new DomainError('INPUT.INVALID', '请说说遇到了什么问题：写几个字，或按住“按住说话”录一段语音', 'description');
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const voice = input.voice ? await deps.photos.acceptVoice(input.voice, caller.person.id) : null;
    const r = route(category.entryLevel, category, chain, await handlerBindingsOn(deps, chain), policy);
    const change = createReport(
      await act(deps, policy, caller.person.id, unit.path),
      {
        id: deps.ids.next('rep'),
        clientRequestId: input.clientRequestId,
        residentId: onBehalf ? (input.residentId ?? null) : caller.person.id,
        createdBy: caller.person.id,
        channel,
        contactName: onBehalf ? (input.contactName ?? pairing?.contactName ?? null) : null,
        contactPhone: onBehalf ? (input.contactPhone ?? pairing?.contactPhone ?? null) : null,
        unitId: unit.id,
        unitPath: unit.path,
        communityId: community?.id ?? null,
        category,
        description: input.description ?? '',
        location: input.location ?? (pairing && pairing.buildingId === unit.id ? doorLabel(pairing.door) : null),
        photos,
        voice,
        anonymous: input.anonymous ?? false,
        photosPublic: input.photosPublic === true,
      },
      r,
    );
    // The report, its audit entry and the messages in one write: a retry writes none of them.
    const label: ReportLabel = { categoryName: category.name, place: placeOf(unit.path, new Map(chain.map((u) => [u.id, u]))) };
    const notices = [
      ...noticeTo(change.report.handlerId, 'report.assigned', `新的民情反映：${category.name}`, { note: change.report.description || (voice ? voiceLabel(voice) : null) }, about(change.report, label)),
      ...(await urgentWatchNotices(deps, change.report, label, caller.person.id)),
    ];
    const { report, created } = await deps.store.reports.insert(change.report, change.entries, {
      audit: [auditEntry(ctx, 'reports.create', 'unit', unit.id, { reportId: change.report.id, category: category.code }, unit.path)],
      messages: notices.map((n) => deps.notifier.message(n)),
    });
    if (created) for (const n of notices) await deps.notifier.deliver(n);
    // A new report's timeline, policy and units are the ones just used; a retried create reads its report's.
    return { report: await detail(ctx, report, created ? { policy, timeline: change.entries, units: chain } : {}), created };
  }),

  /**
   * +1 on a neighbour's open report, with what the follower typed kept as their comment on it (theirs:
   * views.ts shows it as it shows a resident's words). The handler is told; a second follow (a retried
   * request) writes nothing.
   */
  follow: personAction(schemas.reports.follow, async (ctx, input) => {
    const { deps, caller } = ctx;
    const r = await deps.store.reports.get(input.id);
    if (!r || !mayFollowReport(caller.bindings, r)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'id');
    if (isReportOwner(caller.person.id, r)) throw new DomainError('REPORT.NOT_ALLOWED', '这是您自己的反映，不用跟进：有进展会直接通知您');
    const policy = await policyFor(deps, r.communityId);
    const a = await act(deps, policy, caller.person.id, r.unitPath);
    const followed = addFollower(a, r, caller.person.id);
    if (followed.entries.length === 0) return detail(ctx, r);
    const note = input.note?.trim() || null;
    const said = note ? comment(a, followed.report, note) : null;
    const change = said ? { report: said.report, entries: [...followed.entries, ...said.entries] } : followed;
    // Not audited, as before: a +1 changes no one's duty, and the timeline keeps who and when.
    const saved = await commit(ctx, r, r.version, change, {
      notices: async (next) => noticeTo(next.handlerId, 'report.followed', '又有邻居反映了同样的问题', { note }, about(next, await labelOf(deps, next, policy))),
    });
    return detail(ctx, saved);
  }),
};
