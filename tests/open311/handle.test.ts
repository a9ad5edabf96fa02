/**
 * The handler both hosts call, on its own: a bug answers 500 in the spec's error shape with a request
 * id to quote, never its details, and is logged with them.
 */
import { handleOpen311 } from '../../cloudfunctions/lib/open311/handle';
import { harness, type Harness } from '../support/harness';

describe('the Open311 handler', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ residents: 3 });
  });
  afterAll(() => h.close());

  it('answers a bug as 500 without its details, and logs them with the request id', async () => {
    const logged: Record<string, unknown>[] = [];
    const broken = {
      ...h.deps,
      log: { info() {}, error: (_m: string, extra?: Record<string, unknown>) => void logged.push(extra ?? {}) },
      store: { ...h.deps.store, apiKeys: { ...h.deps.store.apiKeys, findByHash: () => Promise.reject(new Error('secret database detail')) } },
    };
    const r = await handleOpen311(broken, { method: 'GET', path: '/requests.json', query: { api_key: 'jl311_anything' }, form: null, baseUrl: 'http://x/open311/v2' });
    expect(r.status).toBe(500);
    const [error] = JSON.parse(r.body);
    expect(error).toEqual({ code: 500, description: expect.stringMatching(/请求编号 req_/) });
    expect(r.body).not.toContain('secret database detail');
    expect(logged).toHaveLength(1);
    expect(String(logged[0].error)).toContain('secret database detail');
    expect(error.description).toContain(String(logged[0].requestId));
  });
});
