/**
 * The two formats and the dates, on their own: XML as the spec writes it (declaration, root, list
 * items named for their list, empty elements for nothing) and well-formed whatever a description
 * holds; JSON its Spark mapping; errors in the spec's shape; W3C dates read and written with the zone.
 */
import { answer, toXml } from '../../cloudfunctions/lib/open311/format';
import { errorAnswer } from '../../cloudfunctions/lib/open311/errors';
import { parseW3c, w3c } from '../../cloudfunctions/lib/open311/dates';
import { items, xml } from './support';

describe('Open311 formats', () => {
  it('writes a list under its root with items named for it, and nothing as an empty element', async () => {
    const body = toXml('service_requests', [{ service_request_id: 'rep_1', service_notice: '由楼栋处理', account_id: null }]);
    expect(body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <service_request_id>rep_1</service_request_id>\n    <service_notice>由楼栋处理</service_notice>\n    <account_id/>\n  </request>\n</service_requests>\n',
    );
    expect(toXml('services', [])).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services/>\n');
  });

  it('stays well-formed whatever a description holds: markup escaped, characters XML cannot carry dropped', async () => {
    const tricky = '楼下<b>烧烤</b> & 油烟 "很大" \u0007 🛵 </description><x>';
    const { root, value } = await xml(toXml('service_requests', [{ description: tricky }]));
    expect(root).toBe('service_requests');
    expect(items(value.request)[0].description).toBe(tricky.replace('\u0007', ''));
  });

  it('writes JSON as the same fields, a list as a bare array', () => {
    const r = answer('json', 'services', [{ service_code: 'noise', metadata: false }]);
    expect(r).toEqual({ status: 200, contentType: 'application/json; charset=utf-8', body: '[{"service_code":"noise","metadata":false}]' });
  });

  it('answers errors as the spec’s list of code and description, with the status as the code', async () => {
    const asJson = errorAnswer('json', 'GEOREPORT.KEY_INVALID');
    expect(asJson.status).toBe(403);
    expect(JSON.parse(asJson.body)).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const asXml = errorAnswer('xml', 'GEOREPORT.REQUEST_NOT_FOUND');
    expect(asXml.status).toBe(404);
    const { root, value } = await xml(asXml.body);
    expect([root, Object.keys(value.error), value.error.code]).toEqual(['errors', ['code', 'description'], '404']);
    expect(errorAnswer('xml', 'GEOREPORT.DATE_RANGE').status).toBe(400);
    expect(errorAnswer('xml', 'INPUT.INVALID').status).toBe(400);
  });
});

describe('Open311 dates', () => {
  const t = Date.parse('1994-11-05T13:15:30Z');
  it('writes China time with its zone', () => {
    expect(w3c(t)).toBe('1994-11-05T21:15:30+08:00');
  });

  it('reads the spec’s examples as the same instant, in any zone', () => {
    expect(parseW3c('1994-11-05T08:15:30-05:00')).toBe(t);
    expect(parseW3c('1994-11-05T13:15:30Z')).toBe(t);
    expect(parseW3c('1994-11-05T21:15:30+08:00')).toBe(t);
    expect(parseW3c('1994-11-05T21:15:30 08:00')).toBe(t);
    expect(parseW3c('1994-11-05T13:15Z')).toBe(t - 30_000);
    expect(parseW3c('1994-11-05T13:15:30.250Z')).toBe(t + 250);
  });

  it('reads a bare date as China midnight, and refuses what is not a date', () => {
    expect(parseW3c('2026-11-23')).toBe(Date.parse('2026-11-23T00:00:00+08:00'));
    for (const bad of ['2026-02-30', '2026-13-01', '2026/11/23', '2026-11-23T25:00:00Z', '2026-11-23T09:00:00', '2026-11-23T09:00:00+15:00', 'yesterday', ''])
      expect([bad, parseW3c(bad)]).toEqual([bad, null]);
  });
});
