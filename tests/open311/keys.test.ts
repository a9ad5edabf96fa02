/**
 * The management page's interface keys (open311.keys, issueKey, revokeKey): staff of the community
 * issue a key to a partner — shown whole once, kept only as a hash, filing as a person of its own who
 * can never sign in — list them with the unit ids a partner files on, and revoke them; each write audited.
 */
import { createHash } from 'node:crypto';
import type { ApiKeyView, IssuedApiKey, Open311UnitRow } from '../../src/core';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Listed = { community: { id: string; name: string }; keys: ApiKeyView[]; units: Open311UnitRow[] };

describe('Open311 interface keys on the management page', () => {
  let h: Harness;
  let communityId: string;
  beforeAll(async () => {
    h = await harness({ residents: 6 });
    communityId = (await h.unitNamed('阳光社区')).id;
  });
  afterAll(() => h.close());

  const issue = async (who: string, partner = '幸福街道 12345 热线', id = communityId) => h.call<IssuedApiKey>('open311', 'issueKey', { communityId: id, partner }, await h.as(who));

  it('issues a key shown whole once, stored as its hash, filing as a person who cannot sign in', async () => {
    const issued = data(await issue('shequ'));
    expect(issued.secret).toMatch(/^jl311_[A-Za-z0-9_-]{32}$/);
    expect(issued.key).toMatchObject({ partner: '幸福街道 12345 热线', status: 'active', statusLabel: '使用中', createdByName: '张伟', revokedAt: null, community: { id: communityId } });
    expect(issued.key.shown).toBe(`${issued.secret.slice(0, 12)}…`);
    const stored = (await h.store.apiKeys.get(issued.key.id))!;
    expect(stored.keyHash).toBe(createHash('sha256').update(issued.secret).digest('base64url'));
    expect(JSON.stringify(stored)).not.toContain(issued.secret);
    const actor = (await h.store.people.get(stored.actorId))!;
    expect(actor).toMatchObject({ name: '幸福街道 12345 热线（Open311）', username: null, openid: null, phone: null, createdInUnitId: communityId });
    expect(await h.store.people.passwordHash(actor.id)).toBeNull();
    expect(await h.store.bindings.listForPerson(actor.id)).toEqual([]);

    // Listed without the key, again and again.
    const listed = data(await h.call<Listed>('open311', 'keys', { communityId }, await h.as('shuji')));
    expect(listed.keys.map((k) => k.id)).toContain(issued.key.id);
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
  });

  it('lists the community’s compounds and buildings with the ids a partner files on', async () => {
    const listed = data(await h.call<Listed>('open311', 'keys', {}, await h.as('shequ')));
    expect(listed.community.name).toBe('阳光社区');
    const building = await h.unitNamed('1号楼', '幸福里小区');
    expect(listed.units).toContainEqual({ id: building.id, name: '1号楼', kind: 'building', trail: '幸福里小区 / 1号楼' });
    expect(listed.units.find((u) => u.name === '幸福里小区')).toMatchObject({ kind: 'compound', trail: '幸福里小区' });
    expect(listed.units.every((u) => u.kind === 'compound' || u.kind === 'building')).toBe(true);
  });

  it('revokes a key once, audited with the reason; a second revoke is refused', async () => {
    const issued = data(await issue('shequ', '区城管平台'));
    const revoked = data(await h.call<ApiKeyView>('open311', 'revokeKey', { id: issued.key.id, reason: '合作结束' }, await h.as('shuji')));
    expect(revoked).toMatchObject({ status: 'revoked', statusLabel: '已撤销', revokedByName: '李秀英', revokeReason: '合作结束', revokedAt: h.clock.now() });
    expectFailure(await h.call('open311', 'revokeKey', { id: issued.key.id, reason: '再撤' }, await h.as('shequ')), 'APIKEY.ALREADY_REVOKED', 'id');

    const audit = await h.store.audit.listForTarget(issued.key.id, 10);
    // Both at the same instant of the fixed clock: compared in a fixed order.
    expect(audit.map((e) => [e.action, e.targetKind, e.detail.partner, e.detail.reason]).sort()).toEqual([
      ['open311.issueKey', 'api_key', '区城管平台', undefined],
      ['open311.revokeKey', 'api_key', '区城管平台', '合作结束'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(issued.secret);
    // The audit log names both in words.
    const log = data(await h.call<{ entries: { actionLabel: string; targetId?: string }[] }>('management', 'audit', { unitId: communityId }, await h.as('shequ')));
    const labels = log.entries.map((e) => e.actionLabel);
    expect(labels).toContain('发放了 Open311 接口密钥');
    expect(labels).toContain('撤销了 Open311 接口密钥');
  });

  it('is for those who manage the community’s reports: a street officer may, a compound secretary or a resident may not', async () => {
    data(await issue('jiedao', '街道网格平台'));
    expectFailure(await issue('zhibu'), 'AUTH.FORBIDDEN');
    expectFailure(await issue('jumin'), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('open311', 'keys', {}, await h.as('louzhang')), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('open311', 'keys', {}, {}), 'AUTH.REQUIRED');
  });

  it('refuses a key for a unit that is not a community, a partner without a name, and another community’s key as unknown', async () => {
    const compound = await h.unitNamed('幸福里小区');
    expectFailure(await issue('shequ', '物业平台', compound.id), 'INPUT.INVALID', 'communityId');
    expectFailure(await issue('shequ', '   '), 'INPUT.INVALID', 'partner');
    expectFailure(await issue('shequ', '🚓🚓'), 'INPUT.INVALID', 'partner');
    expectFailure(await issue('shequ', '一'.repeat(31)), 'INPUT.INVALID', 'partner');

    const street = await h.unitNamed('幸福街道');
    const other = data(await h.call<{ id: string }>('units', 'create', { parentId: street.id, kind: 'community', name: '别的社区' }, await h.as('jiedao')));
    const theirs = data(await issue('jiedao', '别处热线', other.id));
    // 张伟 is staff of 阳光社区 only: another community's key is no key to him, and its list is not his.
    expectFailure(await h.call('open311', 'revokeKey', { id: theirs.key.id, reason: '试试' }, await h.as('shequ')), 'APIKEY.NOT_FOUND', 'id');
    expectFailure(await h.call('open311', 'revokeKey', { id: 'key_nowhere', reason: '试试' }, await h.as('shequ')), 'APIKEY.NOT_FOUND', 'id');
    expectFailure(await h.call('open311', 'keys', { communityId: other.id }, await h.as('shequ')), 'AUTH.FORBIDDEN');
    expect((await h.store.apiKeys.get(theirs.key.id))!.revokedAt).toBeNull();
  });
});
