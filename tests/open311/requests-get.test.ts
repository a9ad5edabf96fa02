/**
 * GET requests and requests/{id}: the key's community's reports, checked field by field against the
 * spec's example (a <service_requests> list of <request> with service_request_id, status, status_notes,
 * service_name, service_code, description, agency_responsible, service_notice, requested_datetime,
 * updated_datetime, expected_datetime, address, address_id, zipcode, lat, long, media_url), with each
 * filter, paging, the 90-day limit, and nothing of the person behind a report.
 */
import type { IssuedApiKey, Report } from '../../src/core';
import { data, T0 } from '../support/harness';
import { items, open311Kit, W3C_CHINA, xml, type Open311Kit } from './support';

const DAY = 24 * 3600_000;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

describe('Open311 GET requests', () => {
  let k: Open311Kit;
  let key: IssuedApiKey;
  /** Reports by name, filed at known times. */
  const filed: Record<string, Report> = {};
  let otherCommunityReport: string;

  beforeAll(async () => {
    k = await open311Kit();
    key = await k.issue();
    const { h } = k;
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const sunshine = await h.unitNamed('阳光花园');
    const post = async (at: number, code: string, unitId: string, description: string) => {
      h.clock.set(at);
      const r = await k.post('/requests.json', { api_key: key.secret, service_code: code, address_id: unitId, description });
      if (r.statusCode !== 200) throw new Error(r.body);
      return (await h.store.reports.get(r.json()[0].service_request_id))!;
    };
    filed.old = await post(T0 - 100 * DAY, 'noise', building.id, '一百天前：夜里装修声音很大');
    filed.sixty = await post(T0 - 60 * DAY, 'sanitation', sunshine.id, '六十天前：垃圾桶满了没人清');
    filed.ten = await post(T0 - 10 * DAY, 'noise', building.id, '十天前：楼上跳广场舞');
    // A resident's own report, with their phone typed into it: listed too, the phone masked, the resident never named.
    h.clock.set(T0 - 5 * DAY);
    const mine = data(
      await h.call<{ report: { id: string } }>(
        'reports',
        'create',
        { clientRequestId: 'open311-get-resident-1', unitId: building.id, category: 'public_facility', description: '楼道灯坏了，请回电 13812345678' },
        await h.as('jumin'),
      ),
    );
    filed.resident = (await h.store.reports.get(mine.report.id))!;
    filed.two = await post(T0 - 2 * DAY, 'ebike', sunshine.id, '两天前：电动车堵了消防通道');
    // Resolved a day later by the building's lead: closed for Open311.
    h.clock.set(T0 - 1 * DAY);
    const ten = filed.ten;
    data(await h.call('reports', 'resolve', { id: ten.id, version: ten.version, note: '已上门劝说，晚上十点后不再跳舞' }, await h.as('louzhang')));
    filed.ten = (await h.store.reports.get(ten.id))!;
    h.clock.set(T0);

    // Another community's report, filed with that community's key: never in this key's answers.
    const street = await h.unitNamed('幸福街道');
    const other = data(await h.call<{ id: string }>('units', 'create', { parentId: street.id, kind: 'community', name: '邻近社区' }, await h.as('jiedao')));
    const compound = data(await h.call<{ id: string }>('units', 'create', { parentId: other.id, kind: 'compound', name: '邻近小区' }, await h.as('jiedao')));
    const otherKey = data(await h.call<IssuedApiKey>('open311', 'issueKey', { communityId: other.id, partner: '邻近街道热线' }, await h.as('jiedao')));
    const r = await k.post('/requests.json', { api_key: otherKey.secret, service_code: 'noise', address_id: compound.id, description: '邻近小区的噪音反映' });
    otherCommunityReport = r.json()[0].service_request_id;
  });
  afterAll(() => k.close());

  const ids = async (query: Record<string, string>) => {
    const r = await k.get('/requests.json', { api_key: key.secret, ...query });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json().map((x: { service_request_id: string }) => x.service_request_id);
  };

  it('answers each report field by field in the spec’s order, in XML with its declaration', async () => {
    const r = await k.get('/requests.xml', { api_key: key.secret, service_request_id: filed.ten.id });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { root, value } = await xml(r.body);
    expect(root).toBe('service_requests');
    const [request] = items(value.request);
    expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
    const building = await k.h.unitNamed('1号楼', '幸福里小区');
    expect(request).toEqual({
      service_request_id: filed.ten.id,
      status: 'closed',
      status_notes: '已办结待评价（楼栋）',
      service_name: '噪音扰民',
      service_code: 'noise',
      description: '十天前：楼上跳广场舞',
      agency_responsible: '1号楼',
      service_notice: '由楼栋处理：4 个工作小时内响应，1 个工作日内办结（不含节假日）。',
      requested_datetime: '2026-11-13T09:00:00+08:00',
      // Closed: when it was resolved.
      updated_datetime: '2026-11-22T09:00:00+08:00',
      expected_datetime: expect.stringMatching(W3C_CHINA),
      address: '1号楼，幸福里小区，阳光社区，幸福街道',
      address_id: building.id,
      zipcode: '',
      lat: '',
      long: '',
      media_url: '',
    });
    expect(Date.parse(request.expected_datetime)).toBe(filed.ten.dueAt);
  });

  it('answers JSON as a bare array of the same records, with nulls where XML has empty elements', async () => {
    const [asXml, asJson] = await Promise.all([
      k.get('/requests.xml', { api_key: key.secret }),
      k.get('/requests.json', { api_key: key.secret }),
    ]);
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = asJson.json();
    expect(Array.isArray(json)).toBe(true);
    const fromXml = items((await xml(asXml.body)).value.request);
    expect(json.map((x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).map(([f, v]) => [f, v ?? ''])))).toEqual(fromXml);
    for (const x of json) {
      expect(Object.keys(x)).toEqual(REQUEST_FIELDS);
      expect([x.zipcode, x.lat, x.long, x.media_url]).toEqual([null, null, null, null]);
      for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(x[f]).toMatch(W3C_CHINA);
      expect(['open', 'closed']).toContain(x.status);
    }
  });

  it('never says who reported: no resident’s name or phone, a phone typed into a description masked', async () => {
    const body = (await k.get('/requests.json', { api_key: key.secret })).body + (await k.get('/requests.xml', { api_key: key.secret })).body;
    for (const secret of ['孙福贵', '13800000007', '13812345678', '赵桂兰', '13800000006']) expect(body).not.toContain(secret);
    const [mine] = (await k.get(`/requests/${filed.resident.id}.json`, { api_key: key.secret })).json();
    expect(mine.description).toBe('楼道灯坏了，请回电 138****5678');
  });

  it('reads the last 90 days, newest first, when no dates are given', async () => {
    expect(await ids({})).toEqual([filed.two.id, filed.resident.id, filed.ten.id, filed.sixty.id]);
  });

  it('filters by start_date and end_date, both inclusive, in any zone, and by a bare date', async () => {
    expect(await ids({ start_date: '2026-09-20T00:00:00+08:00', end_date: '2026-11-13T09:00:00+08:00' })).toEqual([filed.ten.id, filed.sixty.id]);
    expect(await ids({ start_date: '2026-11-13T01:00:00Z', end_date: '2026-11-21T00:00:00Z' })).toEqual([filed.resident.id, filed.ten.id]);
    // An unencoded "+" arrives as a space: still read as +08:00.
    expect(await ids({ start_date: '2026-11-18T00:00:00 08:00' })).toEqual([filed.two.id, filed.resident.id]);
    expect(await ids({ start_date: '2026-08-01', end_date: '2026-08-20' })).toEqual([filed.old.id]);
    // One end alone reads 90 days from it.
    expect(await ids({ end_date: '2026-10-01' })).toEqual([filed.sixty.id, filed.old.id]);
  });

  it('refuses a range wider than 90 days, an end before the start and a date it cannot read: 400', async () => {
    const queries: Record<string, string>[] = [
      { start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' },
      { start_date: '2026-11-20', end_date: '2026-11-01' },
      { start_date: '2026/11/01' },
      { end_date: '2026-02-30' },
    ];
    for (const query of queries) {
      const r = await k.get('/requests.json', { api_key: key.secret, ...query });
      expect([JSON.stringify(query), r.statusCode, r.json()[0].code]).toEqual([JSON.stringify(query), 400, 400]);
      expect(r.json()[0].description).toMatch(/date/);
    }
    expect((await k.get('/requests.json', { api_key: key.secret, start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' })).statusCode).toBe(200);
  });

  it('filters by service_code (a comma list), and answers an unknown one 404', async () => {
    expect(await ids({ service_code: 'noise' })).toEqual([filed.ten.id]);
    expect(await ids({ service_code: 'ebike,sanitation' })).toEqual([filed.two.id, filed.sixty.id]);
    const r = await k.get('/requests.json', { api_key: key.secret, service_code: 'noise,teleport' });
    expect([r.statusCode, r.json()[0].code]).toEqual([404, 404]);
  });

  it('filters by status: open, closed, both; anything else is 400', async () => {
    expect(await ids({ status: 'closed' })).toEqual([filed.ten.id]);
    expect(await ids({ status: 'open' })).toEqual([filed.two.id, filed.resident.id, filed.sixty.id]);
    expect(await ids({ status: 'open,closed' })).toEqual(await ids({}));
    expect((await k.get('/requests.json', { api_key: key.secret, status: 'resolved' })).statusCode).toBe(400);
  });

  it('takes service_request_id (a comma list) over every other filter, leaving out unknown and other communities’ ids', async () => {
    const asked = [filed.old.id, 'rep_nowhere', filed.ten.id, otherCommunityReport].join(',');
    expect(await ids({ service_request_id: asked, status: 'open', service_code: 'ebike', start_date: '2026-11-20' })).toEqual([filed.old.id, filed.ten.id]);
  });

  it('pages with page and page_size, newest first, without overlap', async () => {
    const all = await ids({});
    expect(all).toHaveLength(4);
    const pages = [await ids({ page_size: '3' }), await ids({ page_size: '3', page: '2' })];
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(pages.flat()).toEqual(all);
    expect(await ids({ page_size: '2', page: '2' })).toEqual(all.slice(2));
    expect(await ids({ page_size: '3', page: '3' })).toEqual([]);
    for (const bad of [{ page: '0' }, { page_size: '1001' }, { page: 'two' }] as Record<string, string>[]) {
      const r = await k.get('/requests.json', { api_key: key.secret, ...bad });
      expect([JSON.stringify(bad), r.statusCode]).toEqual([JSON.stringify(bad), 400]);
    }
  });

  it('never answers another community’s reports, and requires a live key to read at all (403)', async () => {
    expect(await ids({})).not.toContain(otherCommunityReport);
    const none = await k.get('/requests.json');
    expect([none.statusCode, none.json()]).toEqual([403, [{ code: 403, description: expect.stringContaining('api_key') }]]);
    const wrong = await k.get('/requests.xml', { api_key: 'jl311_wrong' });
    expect(wrong.statusCode).toBe(403);
    expect((await xml(wrong.body)).root).toBe('errors');
    const mismatched = await k.get('/requests.json', { api_key: key.secret, jurisdiction_id: 'com_elsewhere' });
    expect([mismatched.statusCode, mismatched.json()[0].code]).toEqual([404, 404]);
    expect((await k.get('/requests.json', { api_key: key.secret, jurisdiction_id: k.community.id })).statusCode).toBe(200);
  });

  describe('GET requests/{id}', () => {
    it('answers one report as a list of one, in XML and JSON alike', async () => {
      const asXml = await k.get(`/requests/${filed.two.id}.xml`, { api_key: key.secret });
      expect(asXml.statusCode).toBe(200);
      const { root, value } = await xml(asXml.body);
      expect(root).toBe('service_requests');
      // 阳光花园 has no property manager nor secretary in the small demo: the compound level is skipped to the community.
      expect(items(value.request).map((x) => [x.service_request_id, x.status, x.service_code, x.agency_responsible])).toEqual([[filed.two.id, 'open', 'ebike', '阳光社区']]);
      const asJson = (await k.get(`/requests/${filed.two.id}.json`, { api_key: key.secret })).json();
      expect(asJson).toHaveLength(1);
      expect(asJson[0]).toMatchObject({
        service_request_id: filed.two.id,
        address: '阳光花园，阳光社区，幸福街道',
        status_notes: '待响应（社区）',
        service_notice: '由社区处理：4 个工作小时内响应，5 个工作日内办结（不含节假日）。',
      });
    });

    it('answers 404 for an unknown id and for another community’s report, in the format asked', async () => {
      for (const id of ['rep_nowhere', otherCommunityReport]) {
        const r = await k.get(`/requests/${id}.json`, { api_key: key.secret });
        expect([r.statusCode, r.json()]).toEqual([404, [{ code: 404, description: expect.stringContaining('service_request_id') }]]);
      }
      const asXml = await k.get('/requests/rep_nowhere.xml', { api_key: key.secret });
      expect(asXml.statusCode).toBe(404);
      expect((await xml(asXml.body)).value.error.code).toBe('404');
    });
  });

  it('answers a path it does not serve 404, a format it does not speak 400, and a method it does not take 400', async () => {
    const lost = await k.get('/tokens/123.xml');
    expect(lost.statusCode).toBe(404);
    expect((await xml(lost.body)).root).toBe('errors');
    const csv = await k.get('/requests.csv', { api_key: key.secret });
    expect([csv.statusCode, (await xml(csv.body)).value.error.code]).toEqual([400, '400']);
    const del = await k.app.inject({ method: 'DELETE', url: `/open311/v2/requests/${filed.two.id}.json` });
    expect([del.statusCode, del.json()[0].code]).toEqual([400, 400]);
  });
});
