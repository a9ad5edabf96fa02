/**
 * POST requests: a partner files a report with the community's key. Checked against the spec's
 * example answer (a <service_requests> list of one <request> with service_request_id, service_notice
 * and account_id), and against what Jinlin promises: the report routed and timed like any other,
 * filed through the open311 channel by the key's own person, no name, phone or email kept.
 */
import type { IssuedApiKey } from '../../src/core';
import { data } from '../support/harness';
import { items, open311Kit, xml, type Open311Kit } from './support';

describe('Open311 POST requests', () => {
  let k: Open311Kit;
  let key: IssuedApiKey;
  let building: { id: string; path: string };
  beforeAll(async () => {
    k = await open311Kit();
    key = await k.issue();
    building = await k.h.unitNamed('1号楼', '幸福里小区');
  });
  afterAll(() => k.close());

  const form = (extra: Record<string, string> = {}) => ({
    api_key: key.secret,
    service_code: 'noise',
    address_id: building.id,
    description: '楼上每天夜里十二点以后还在装修，电钻声很响',
    ...extra,
  });

  it('files a report and answers its id and notice, as the spec’s example does, in XML', async () => {
    const r = await k.post('/requests.xml', form({ address_string: '3单元 5楼' }));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
    const { root, value } = await xml(r.body);
    expect(root).toBe('service_requests');
    const [request, ...more] = items(value.request);
    expect(more).toEqual([]);
    expect(Object.keys(request)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(request.service_notice).toBe('由楼栋处理：4 个工作小时内响应，1 个工作日内办结（不含节假日）。');
    expect(request.account_id).toBe('');

    const report = (await k.h.store.reports.get(request.service_request_id))!;
    const keyRow = (await k.h.store.apiKeys.get(key.key.id))!;
    const lead = (await k.h.store.people.findByUsername('louzhang'))!;
    expect(report).toMatchObject({
      channel: 'open311',
      createdBy: keyRow.actorId,
      residentId: null,
      contactName: null,
      contactPhone: null,
      unitId: building.id,
      category: 'noise',
      location: '3单元 5楼',
      status: 'submitted',
      // Routed as any noise report: the building's lead handles it, on the building's clock.
      level: 'building',
      handlerId: lead.id,
      levelUnitId: building.id,
    });
    expect(report.dueAt).toBeGreaterThan(report.createdAt);
    const [created] = await k.h.store.reports.timeline(report.id);
    expect(created).toMatchObject({ type: 'create', actorId: keyRow.actorId });
    expect((await k.h.store.people.get(keyRow.actorId))!.name).toBe('幸福街道 12345 热线（Open311）');
    // Audited as the partner, naming the key.
    const audit = await k.h.store.audit.listForTarget(building.id, 10);
    expect(audit.find((e) => e.detail.reportId === report.id)).toMatchObject({ action: 'reports.create', actorId: keyRow.actorId, detail: { channel: 'open311', apiKeyId: key.key.id } });
    // The handler is told, as for any new report.
    const inbox = data(await k.h.call<{ messages: { title: string }[] }>('messages', 'list', {}, await k.h.as('louzhang')));
    expect(inbox.messages.map((m) => m.title)).toContain('新的民情反映：噪音扰民');
  });

  it('answers a bare JSON array, account_id null', async () => {
    const r = await k.post('/requests.json', form());
    expect(r.statusCode).toBe(200);
    const json = r.json();
    expect(json).toEqual([{ service_request_id: expect.stringMatching(/^rep_/), service_notice: expect.stringContaining('由楼栋处理'), account_id: null }]);
  });

  it('drops every name, phone and email sent in, and keeps none of them anywhere', async () => {
    const sent = { first_name: '秀兰', last_name: '钱', phone: '13912345678', email: 'qian@example.com', account_id: 'acct-778', device_id: 'dev-9' };
    const r = await k.post('/requests.json', form(sent));
    const id = r.json()[0].service_request_id;
    const kept = JSON.stringify([await k.h.store.reports.get(id), await k.h.store.reports.timeline(id), await k.h.store.audit.listForTarget(building.id, 50)]);
    for (const v of Object.values(sent)) expect(kept).not.toContain(v);
    // And what the desk shows of it has no resident at all.
    const detail = data(await k.h.call<{ resident: unknown; channelLabel: string }>('reports', 'detail', { id }, await k.h.as('shequ')));
    expect(detail).toMatchObject({ resident: null, channelLabel: '合作平台' });
  });

  it('tells the building lead of an urgent report filed on their building', async () => {
    const r = await k.post('/requests.json', form({ service_code: 'lift', description: '电梯停在三楼不动了，有老人出不了门' }));
    const report = (await k.h.store.reports.get(r.json()[0].service_request_id))!;
    expect(report).toMatchObject({ urgent: true, level: 'compound' });
    expect(r.json()[0].service_notice).toBe('紧急，由小区处理：1 小时内响应，24 小时内办结。');
    const inbox = data(await k.h.call<{ messages: { title: string }[] }>('messages', 'list', {}, await k.h.as('louzhang')));
    expect(inbox.messages.map((m) => m.title)).toContain('您楼里有一条紧急反映');
  });

  it('refuses without an api_key, with a wrong one and with a revoked one: 403, nothing filed', async () => {
    const before = await k.h.store.reportQueries.count({ path: k.community.path, now: k.h.clock.now() });
    const { api_key: _drop, ...withoutKey } = form();
    const missing = await k.post('/requests.json', withoutKey);
    expect([missing.statusCode, missing.json()]).toEqual([403, [{ code: 403, description: expect.stringContaining('api_key') }]]);
    const wrong = await k.post('/requests.xml', form({ api_key: 'jl311_not-a-key-at-all' }));
    expect(wrong.statusCode).toBe(403);
    const { value } = await xml(wrong.body);
    expect(value.error).toEqual({ code: '403', description: expect.stringContaining('api_key') });

    const other = await k.issue('区城管平台');
    expect((await k.post('/requests.json', form({ api_key: other.secret }))).statusCode).toBe(200);
    data(await k.h.call('open311', 'revokeKey', { id: other.key.id, reason: '合作结束' }, await k.h.as('shequ')));
    const revoked = await k.post('/requests.json', form({ api_key: other.secret }));
    expect([revoked.statusCode, revoked.json()[0].code]).toEqual([403, 403]);
    expect(await k.h.store.reportQueries.count({ path: k.community.path, now: k.h.clock.now() })).toBe(before + 1);
  });

  it('refuses lat/long without address_id: 400, our units have no coordinates', async () => {
    const { address_id: _drop, ...rest } = form();
    const r = await k.post('/requests.json', { ...rest, lat: '39.9042', long: '116.4074' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual([{ code: 400, description: expect.stringMatching(/没有坐标.*address_id|address_id.*没有坐标/) }]);
    const byString = await k.post('/requests.json', { ...rest, address_string: '幸福里小区1号楼' });
    expect([byString.statusCode, byString.json()[0].description]).toEqual([400, expect.stringContaining('address_id')]);
  });

  it('answers an address_id that is not one of the community’s buildings or compounds: 404, or 400 for the community itself', async () => {
    expect((await k.post('/requests.json', form({ address_id: 'bui_nowhere' }))).statusCode).toBe(404);
    const street = await k.h.unitNamed('幸福街道');
    const other = data(await k.h.call<{ id: string }>('units', 'create', { parentId: street.id, kind: 'community', name: '邻近社区' }, await k.h.as('jiedao')));
    const theirs = data(await k.h.call<{ id: string }>('units', 'create', { parentId: other.id, kind: 'compound', name: '邻近小区' }, await k.h.as('jiedao')));
    const elsewhere = await k.post('/requests.json', form({ address_id: theirs.id }));
    expect([elsewhere.statusCode, elsewhere.json()[0].code]).toEqual([404, 404]);
    const community = await k.post('/requests.json', form({ address_id: k.community.id }));
    expect([community.statusCode, community.json()[0].description]).toEqual([400, expect.stringContaining('楼栋或小区')]);
  });

  it('refuses a missing or unknown service_code (400, 404) and a description too short or too long (400)', async () => {
    const { service_code: _drop, ...rest } = form();
    expect((await k.post('/requests.json', rest)).statusCode).toBe(400);
    expect((await k.post('/requests.json', form({ service_code: 'teleport' }))).statusCode).toBe(404);
    expect((await k.post('/requests.json', form({ description: '吵' }))).json()).toEqual([{ code: 400, description: expect.stringContaining('description') }]);
    expect((await k.post('/requests.json', form({ description: '很'.repeat(501) }))).statusCode).toBe(400);
    expect((await k.post('/requests.json', form({ address_string: '位'.repeat(51) }))).statusCode).toBe(400);
  });

  it('answers a body that is not a form in the spec’s error shape', async () => {
    const r = await k.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: 'a,b,c', headers: { 'content-type': 'text/csv' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual([{ code: 400, description: expect.stringContaining('x-www-form-urlencoded') }]);
    // JSON is not the spec's POST either, even carrying the right fields.
    const json = await k.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: form(), headers: { 'content-type': 'application/json' } });
    expect([json.statusCode, json.json()[0].description]).toEqual([400, expect.stringContaining('x-www-form-urlencoded')]);
  });
});
