/**
 * GET discovery: the Service Discovery document, checked field by field against the spec's example
 * (Service_Discovery: changeset, contact, key_service, endpoints → endpoint with specification, url,
 * changeset, type, formats → format), as XML and as its JSON mapping (an object, not a list).
 */
import { BASE, open311Kit, xml, items, type Open311Kit } from './support';

describe('Open311 discovery', () => {
  let k: Open311Kit;
  beforeAll(async () => {
    k = await open311Kit();
  });
  afterAll(() => k.close());

  it('answers the spec’s fields in XML, in its order, with the declaration and text/xml', async () => {
    const r = await k.get('/discovery.xml');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { root, value } = await xml(r.body);
    expect(root).toBe('discovery');
    expect(Object.keys(value)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const [endpoint, ...more] = items(value.endpoints.endpoint);
    expect(more).toEqual([]);
    expect(Object.keys(endpoint)).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
    expect(endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `http://localhost:80${BASE}`, type: 'production' });
    expect(items(endpoint.formats.format)).toEqual(['text/xml', 'application/json']);
    expect(value.key_service).toMatch(/接口密钥/);
  });

  it('answers the same document as a JSON object, and without a suffix as XML', async () => {
    const [asXml, asJson, bare] = await Promise.all([k.get('/discovery.xml'), k.get('/discovery.json'), k.get('/discovery')]);
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = asJson.json();
    expect(Array.isArray(json)).toBe(false);
    const { value } = await xml(asXml.body);
    expect(json).toEqual({ ...value, endpoints: [{ ...value.endpoints.endpoint, formats: items(value.endpoints.endpoint.formats.format) }] });
    expect(bare.body).toBe(asXml.body);
  });
});
