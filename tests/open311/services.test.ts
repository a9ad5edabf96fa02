/**
 * GET services and services/{code}: our categories, checked field by field against the spec's
 * examples (a <services> list of <service> with service_code, service_name, description, metadata,
 * type, keywords, group; a <service_definition> with service_code and attributes), XML parsed back,
 * JSON a bare array for the list and an object for a definition.
 */
import { DEFAULT_CATEGORIES, DEFAULT_POLICY } from '../../src/core';
import { policyKey, storedPolicyValue } from '../../cloudfunctions/lib/actions/policy';
import { items, open311Kit, xml, type Open311Kit } from './support';

const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

describe('Open311 services', () => {
  let k: Open311Kit;
  beforeAll(async () => {
    k = await open311Kit();
  });
  afterAll(() => k.close());

  it('lists every category as a realtime service without metadata, in XML', async () => {
    const r = await k.get('/services.xml');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
    const { root, value } = await xml(r.body);
    expect(root).toBe('services');
    const list = items(value.service);
    expect(list.map((s) => s.service_code)).toEqual(DEFAULT_CATEGORIES.map((c) => c.code));
    for (const s of list) {
      expect(Object.keys(s)).toEqual(SERVICE_FIELDS);
      expect([s.metadata, s.type]).toEqual(['false', 'realtime']);
    }
    const lift = list.find((s) => s.service_code === 'lift');
    expect(lift).toMatchObject({ service_name: '电梯故障', group: '小区', keywords: '电梯故障, 小区, 紧急' });
    // The deadline in words: urgent hours at the compound, as the default policy has them.
    expect(lift.description).toBe('电梯故障。紧急，由小区处理：1 小时内响应，24 小时内办结。');
    expect(list.find((s) => s.service_code === 'noise').description).toBe('噪音扰民。由楼栋处理：4 个工作小时内响应，1 个工作日内办结（不含节假日）。');
  });

  it('answers the same services as a bare JSON array, booleans as booleans', async () => {
    const [asXml, asJson] = await Promise.all([k.get('/services.xml'), k.get('/services.json')]);
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = asJson.json();
    expect(Array.isArray(json)).toBe(true);
    const fromXml = items((await xml(asXml.body)).value.service).map((s) => ({ ...s, metadata: s.metadata === 'true' }));
    expect(json).toEqual(fromXml);
    expect(json[0]).toEqual({
      service_code: 'neighbour_dispute',
      service_name: '邻里纠纷',
      description: '邻里纠纷。由楼栋处理：4 个工作小时内响应，1 个工作日内办结（不含节假日）。',
      metadata: false,
      type: 'realtime',
      keywords: '邻里纠纷, 楼栋',
      group: '楼栋',
    });
  });

  it('defines a service with no attributes, as XML and as a JSON object', async () => {
    const r = await k.get('/services/lift.xml');
    expect(r.statusCode).toBe(200);
    const { root, value } = await xml(r.body);
    expect(root).toBe('service_definition');
    expect(Object.keys(value)).toEqual(['service_code', 'attributes']);
    expect(value).toEqual({ service_code: 'lift', attributes: '' });
    expect((await k.get('/services/lift.json')).json()).toEqual({ service_code: 'lift', attributes: [] });
  });

  it('answers an unknown service_code with 404 in the spec’s error shape, in the format asked', async () => {
    const asJson = await k.get('/services/teleport.json');
    expect(asJson.statusCode).toBe(404);
    expect(asJson.json()).toEqual([{ code: 404, description: expect.stringContaining('teleport') }]);
    const asXml = await k.get('/services/teleport.xml');
    expect(asXml.statusCode).toBe(404);
    const { root, value } = await xml(asXml.body);
    expect(root).toBe('errors');
    expect(Object.keys(value.error)).toEqual(['code', 'description']);
    expect(value.error.code).toBe('404');
    expect(value.error.description).toMatch(/service_code/);
  });

  it('lists a community’s own categories by jurisdiction_id or by its key, and refuses a jurisdiction that is not a community', async () => {
    const renamed = { ...DEFAULT_POLICY, categories: DEFAULT_POLICY.categories.map((c) => (c.code === 'ebike' ? { ...c, name: '电瓶车充电' } : c)) };
    await k.h.store.meta.setIfAbsent(policyKey(k.community.id), storedPolicyValue(1, renamed));
    const names = async (query: Record<string, string>) => (await k.get('/services.json', query)).json().map((s: { service_name: string }) => s.service_name);
    expect(await names({ jurisdiction_id: k.community.id })).toContain('电瓶车充电');
    const { secret } = await k.issue();
    expect(await names({ api_key: secret })).toContain('电瓶车充电');
    expect(await names({})).toContain('电动车充电停放');
    const compound = await k.h.unitNamed('幸福里小区');
    const refused = await k.get('/services.json', { jurisdiction_id: compound.id });
    expect([refused.statusCode, refused.json()[0].code]).toEqual([404, 404]);
    const wrongKey = await k.get('/services.json', { api_key: 'jl311_nothing' });
    expect([wrongKey.statusCode, wrongKey.json()[0].code]).toEqual([403, 403]);
  });
});
