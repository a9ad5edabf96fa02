/**
 * Reading topics: the caller's own (those for their buildings, compounds and community; a branch
 * secretary's or lead's compound's buildings too), open ones first; one topic whole; and staff's list
 * under a unit (the management page).
 */
import { DomainError, MODERATES_TOPICS, OPENS_TOPICS, ancestorIds, mayOpenTopic, opensTopics, type OpenablePlace, type Topic, type TopicStatus, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import type { TopicQuery } from '../../store/port';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { loadTopic } from './scope';
import { topicCards, topicView } from './views';

const NOT_STAFF = '议题列表由社区工作人员、小区党支部书记和楼栋长管理；居民请在“小区议事”里查看';

/** The units whose topics are the caller's: every unit along their bindings, and the buildings of a compound they run. */
async function ownUnitIds(ctx: AuthedContext): Promise<string[]> {
  const live = ctx.caller.bindings.filter((b) => !b.unit.archived);
  const ids = new Set(live.flatMap((b) => ancestorIds(b.unit.path)));
  const runs = live.filter((b) => b.unit.kind === 'compound' && (OPENS_TOPICS.includes(b.role) || MODERATES_TOPICS.includes(b.role)));
  for (const b of runs) for (const u of await ctx.deps.store.units.listSubtree(b.unit.path)) if (u.kind === 'building') ids.add(u.id);
  return [...ids];
}

const PLACE_RANK: Record<OpenablePlace['kind'], number> = { community: 0, compound: 1, building: 2 };

/**
 * The places the caller opens topics for from the mini-program (mayOpenTopic, walked down the tree): a
 * lead's building, a branch secretary's compound and its buildings, a staff member's community and its
 * compounds — not a community's buildings, too many to pick from on a phone (the management page has them).
 */
async function openablePlaces(ctx: AuthedContext): Promise<OpenablePlace[]> {
  const { units } = ctx.deps.store;
  const openers = ctx.caller.bindings.filter((b) => !b.unit.archived && OPENS_TOPICS.includes(b.role));
  const found = new Map<string, Unit>();
  for (const b of openers) {
    if (b.unit.kind === 'building') found.set(b.unit.id, b.unit);
    if (b.unit.kind === 'building' || b.unit.kind === 'grid') continue;
    const deep = b.unit.kind === 'compound';
    for (const u of await units.listSubtree(b.unit.path)) if (u.kind === 'compound' || u.kind === 'community' || (deep && u.kind === 'building')) found.set(u.id, u);
  }
  const names = new Map([...found.values()].map((u) => [u.id, u.name]));
  const places: OpenablePlace[] = [];
  for (const u of found.values()) {
    if (u.kind === 'community') places.push({ id: u.id, kind: 'community', label: `${u.name}（全社区）` });
    else if (u.kind === 'compound') places.push({ id: u.id, kind: 'compound', label: `${u.name}（全小区）` });
    else {
      // A building's compound is the third unit on its path (street / community / compound / …).
      const compoundId = ancestorIds(u.path)[2];
      const compound = compoundId && compoundId !== u.id ? (names.get(compoundId) ?? (await units.get(compoundId))?.name) : undefined;
      places.push({ id: u.id, kind: 'building', label: compound ? `${compound} ${u.name}` : u.name });
    }
  }
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  return places.sort((a, b) => PLACE_RANK[a.kind] - PLACE_RANK[b.kind] || collator.compare(a.label, b.label));
}

/** Open topics first, then the rest, each newest first: one page across both. */
async function openFirst(ctx: AuthedContext, base: { unitIds: string[] }, limit: number, offset: number): Promise<{ topics: Topic[]; total: number }> {
  const { topics } = ctx.deps.store;
  const q = (statuses: TopicStatus[]): TopicQuery => ({ ...base, statuses });
  const open = await topics.list(q(['open']), limit, offset);
  const rest = await topics.list(q(['decided', 'withdrawn']), Math.max(0, limit - open.topics.length) || 1, Math.max(0, offset - open.total));
  const more = open.topics.length < limit ? rest.topics.slice(0, limit - open.topics.length) : [];
  return { topics: [...open.topics, ...more], total: open.total + rest.total };
}

/** The unit whose topics staff list: `unitId`, else the highest unit they open topics on. */
async function listedUnit(ctx: AuthedContext, unitId: string | undefined): Promise<Pick<Unit, 'path'>> {
  const { bindings } = ctx.caller;
  if (!opensTopics(bindings)) throw new DomainError('AUTH.FORBIDDEN', NOT_STAFF);
  if (!unitId) {
    const roots = bindings.filter((b) => !b.unit.archived && OPENS_TOPICS.includes(b.role)).sort((a, b) => a.unit.path.length - b.unit.path.length);
    return roots[0].unit;
  }
  const unit = await ctx.deps.store.units.get(unitId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  if (!mayOpenTopic(bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', `${unit.name} 不在您负责的范围内`, 'unitId');
  return unit;
}

export const read: FunctionDef = {
  mine: personAction(schemas.deliberation.mine, async (ctx, input) => {
    const unitIds = await ownUnitIds(ctx);
    const { topics, total } = unitIds.length ? await openFirst(ctx, { unitIds }, input.limit ?? 50, input.offset ?? 0) : { topics: [], total: 0 };
    const canOpen = opensTopics(ctx.caller.bindings);
    return { topics: await topicCards(ctx, topics), total, canOpen, openFor: canOpen ? await openablePlaces(ctx) : [] };
  }),

  detail: personAction(schemas.deliberation.detail, async (ctx, input) => {
    const { topic } = await loadTopic(ctx, input.id);
    return topicView(ctx, topic);
  }),

  list: personAction(schemas.deliberation.list, async (ctx, input) => {
    const unit = await listedUnit(ctx, input.unitId);
    const { topics, total } = await ctx.deps.store.topics.list({ underPath: unit.path, statuses: input.status ? [input.status] : undefined }, input.limit ?? 50, input.offset ?? 0);
    return { topics: await topicCards(ctx, topics), total };
  }),
};
