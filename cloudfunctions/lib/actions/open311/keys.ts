/**
 * Open311 interface keys (接口密钥) on the management page: a community's staff (those who manage its
 * reports) list them, issue one to a partner — shown whole once, kept as a hash — and revoke one.
 * Both writes are audited against the community.
 *
 * Each key files its reports as a person of its own, made when the key is issued: a bound-nowhere
 * person named for the partner, who can never sign in (no username, no WeChat, no password). A report
 * needs a person behind `createdBy` — its timeline, its messages (messages.person_id references
 * people), the ledger and the audit log all name who filed it — and the partner is who filed it, so
 * staff read "幸福街道 12345 热线（Open311）" where they would read a recorder's name. One person per key,
 * not per partner: a revoked key's reports keep their author while its successor files as another.
 */
import { randomBytes } from 'node:crypto';
import {
  API_KEY_PREFIX,
  API_KEY_SHOWN_CHARS,
  API_KEY_STATUS_LABEL,
  DomainError,
  UNIT_KIND_LABEL,
  managesReportsIn,
  reportManageRoots,
  type ApiKeyView,
  type Open311UnitRow,
  type Person,
  type Unit,
  type UnitRef,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/open311';
import { sha256 } from '../../auth/tokens';
import type { Deps } from '../../deps';
import type { ApiKey } from '../../store/port';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';

const ref = (u: Unit): UnitRef => ({ id: u.id, name: u.name, kind: u.kind, path: u.path });

/** The community whose keys the caller manages: the one asked for, else the first community they manage. */
async function communityFor(ctx: AuthedContext, communityId: string | undefined): Promise<Unit> {
  const roots = reportManageRoots(ctx.caller.bindings);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', '接口密钥由社区工作人员管理');
  let id = communityId;
  if (!id) {
    // A street officer manages every community below: the first of them, unless they pick one.
    const root = roots.find((u) => u.kind === 'community') ?? roots[0];
    id = root.kind === 'community' ? root.id : (await ctx.deps.store.units.listSubtree(root.path)).find((u) => u.kind === 'community' && !u.archived)?.id;
    if (!id) throw new DomainError('UNIT.NOT_FOUND', '您管理的范围内还没有社区', 'communityId');
  }
  const unit = await ctx.deps.store.units.get(id);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'communityId');
  if (!managesReportsIn(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', '只有本社区的工作人员、书记或上级街道可以管理接口密钥');
  if (unit.kind !== 'community') throw new DomainError('INPUT.INVALID', `接口密钥按社区发放，“${unit.name}”是${UNIT_KIND_LABEL[unit.kind]}`, 'communityId');
  return unit;
}

async function views(deps: Deps, keys: readonly ApiKey[], community: Unit): Promise<ApiKeyView[]> {
  const people = await deps.store.people.getMany([...new Set(keys.flatMap((k) => [k.createdBy, ...(k.revokedBy ? [k.revokedBy] : [])]))]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return keys.map((k) => {
    const status = k.revokedAt === null ? 'active' : 'revoked';
    return {
      id: k.id,
      partner: k.partner,
      shown: `${k.shown}…`,
      community: ref(community),
      status,
      statusLabel: API_KEY_STATUS_LABEL[status],
      createdAt: k.createdAt,
      createdByName: names.get(k.createdBy) ?? null,
      revokedAt: k.revokedAt,
      revokedByName: k.revokedBy ? (names.get(k.revokedBy) ?? null) : null,
      revokeReason: k.revokeReason,
    };
  });
}

/** The community's compounds and buildings, whose ids a partner sends as Open311's address_id. */
async function unitRows(deps: Deps, community: Unit): Promise<Open311UnitRow[]> {
  const units = (await deps.store.units.listSubtree(community.path)).filter((u) => !u.archived);
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows: Open311UnitRow[] = [];
  for (const u of units) {
    if (u.kind !== 'compound' && u.kind !== 'building') continue;
    // Below the community: its compound (and grid) names, then its own.
    const trail = u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id))
      .filter((x): x is Unit => !!x && x.kind !== 'street' && x.kind !== 'community' && x.kind !== 'grid')
      .map((x) => x.name)
      .join(' / ');
    rows.push({ id: u.id, name: u.name, kind: u.kind, trail });
  }
  return rows.sort((a, b) => a.trail.localeCompare(b.trail, 'zh-Hans-CN', { numeric: true }));
}

/** A new key: the prefix, then 32 characters of 192 random bits. */
export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
}

export const keyActions: FunctionDef = {
  keys: personAction(schemas.open311.keys, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    const [keys, units] = await Promise.all([ctx.deps.store.apiKeys.listForCommunity(community.id), unitRows(ctx.deps, community)]);
    return { community: ref(community), keys: await views(ctx.deps, keys, community), units };
  }),

  issueKey: personAction(schemas.open311.issueKey, async (ctx, input) => {
    const { deps } = ctx;
    const community = await communityFor(ctx, input.communityId);
    const now = deps.clock.now();
    const secret = newApiKeySecret();
    const actor: Person = {
      id: deps.ids.next('per'),
      name: `${input.partner}（Open311）`,
      phone: null,
      username: null,
      openid: null,
      demo: false,
      createdInUnitId: community.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const key: ApiKey = {
      id: deps.ids.next('key'),
      communityId: community.id,
      communityPath: community.path,
      partner: input.partner,
      keyHash: sha256(secret),
      shown: secret.slice(0, API_KEY_SHOWN_CHARS),
      actorId: actor.id,
      createdAt: now,
      createdBy: ctx.caller.person.id,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    };
    // The person first: a key is never left without the person it files as.
    await deps.store.people.insert(actor, null);
    await deps.store.apiKeys.insert(key);
    await audit(ctx, 'open311.issueKey', 'api_key', key.id, { partner: key.partner, shown: key.shown }, community.path);
    const [view] = await views(deps, [key], community);
    return { key: view, secret };
  }),

  revokeKey: personAction(schemas.open311.revokeKey, async (ctx, input) => {
    const { deps } = ctx;
    const key = await deps.store.apiKeys.get(input.id);
    // Someone else's key reads as no key at all: ids cannot be probed.
    const community = key ? await deps.store.units.get(key.communityId) : null;
    if (!key || !community || !managesReportsIn(ctx.caller.bindings, community)) throw new DomainError('APIKEY.NOT_FOUND', undefined, 'id');
    if (key.revokedAt !== null) throw new DomainError('APIKEY.ALREADY_REVOKED', undefined, 'id');
    const revoked = await deps.store.apiKeys.revoke(key.id, deps.clock.now(), ctx.caller.person.id, input.reason);
    if (!revoked) throw new DomainError('APIKEY.ALREADY_REVOKED', undefined, 'id');
    await audit(ctx, 'open311.revokeKey', 'api_key', key.id, { partner: key.partner, shown: key.shown, reason: input.reason }, community.path);
    const [view] = await views(deps, [revoked], community);
    return view;
  }),
};
