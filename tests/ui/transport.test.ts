/** The two real transports, each against a stand-in for its platform's network call. */
import Taro from '@tarojs/taro';
import { transport as h5 } from '../../src/services/transport.h5';

const fetchMock = jest.fn();

function respond(status: number, body: unknown) {
  fetchMock.mockResolvedValueOnce({
    status,
    ok: status < 400,
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  });
}

beforeEach(() => {
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

describe('h5 transport', () => {
  it('posts { action, data } as JSON to /api/<function> with the bearer token', async () => {
    respond(200, { ok: true, data: { signedOut: true } });

    const result = await h5.send('auth', 'signOut', {}, 'tok_1');

    expect(result).toEqual({ ok: true, data: { signedOut: true } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer tok_1');
    expect(JSON.parse(init.body)).toEqual({ action: 'signOut', data: {} });
  });

  it('sends no Authorization header without a token', async () => {
    respond(200, { ok: true, data: [] });
    await h5.send('auth', 'demoLogins', {}, null);
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBeUndefined();
  });

  it('reads the failure from the body of a 4xx answer', async () => {
    respond(401, { ok: false, code: 'AUTH.BAD_CREDENTIALS', message: '账号或密码不正确' });
    expect(await h5.send('auth', 'signIn', { username: 'a', password: 'b' }, null)).toEqual({
      ok: false,
      code: 'AUTH.BAD_CREDENTIALS',
      message: '账号或密码不正确',
    });
  });

  it('turns a body that is not our JSON (a proxy error page) into a readable message', async () => {
    respond(502, 'not json <html>');
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({
      ok: false,
      code: 'NETWORK.BAD_RESPONSE',
      message: '服务暂时没有正常回应，请稍后再试',
    });
  });

  it('says the network is down when the request never arrives', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({
      ok: false,
      code: 'NETWORK.UNREACHABLE',
      message: '网络连接不上，请检查网络后再试',
    });
  });
});

describe('weapp transport', () => {
  const cloud = (Taro as unknown as { cloud: { init: jest.Mock; callFunction: jest.Mock } }).cloud;

  it('initialises the cloud once and calls the function with { action, data }, answering result.result', async () => {
    const { transport: weapp } = jest.requireActual<typeof import('../../src/services/transport.weapp')>('../../src/services/transport.weapp');
    cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { units: [] } } });

    expect(await weapp.send('units', 'tree', {}, null)).toEqual({ ok: true, data: { units: [] } });
    await weapp.send('auth', 'whoAmI', {}, null);

    expect(cloud.init).toHaveBeenCalledTimes(1);
    expect(cloud.callFunction).toHaveBeenNthCalledWith(1, { name: 'units', data: { action: 'tree', data: {} } });
    expect(weapp.usesToken).toBe(false);
  });

  it('says the network is down when callFunction fails', async () => {
    const { transport: weapp } = jest.requireActual<typeof import('../../src/services/transport.weapp')>('../../src/services/transport.weapp');
    cloud.callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail'));

    expect(await weapp.send('auth', 'whoAmI', {}, null)).toMatchObject({ ok: false, code: 'NETWORK.UNREACHABLE' });
  });
});

describe('h5 transport standing in for a WeChat user', () => {
  afterEach(() => Taro.removeStorageSync('jinlin.devOpenid'));

  it('sends the stand-in OPENID instead of a token, and needs no token, while jinlin.devOpenid is set', async () => {
    expect(h5.usesToken).toBe(true);
    Taro.setStorageSync('jinlin.devOpenid', 'dev-openid-new-1');
    respond(200, { ok: true, data: { registered: false } });

    await h5.send('auth', 'whoAmI', {}, 'tok_left_over');

    expect(h5.usesToken).toBe(false);
    const headers = fetchMock.mock.calls[0][1].headers;
    expect(headers['X-Jinlin-Dev-Openid']).toBe('dev-openid-new-1');
    expect(headers.Authorization).toBeUndefined();
  });

  it('goes back to tokens once it is cleared', async () => {
    Taro.setStorageSync('jinlin.devOpenid', 'dev-openid-new-1');
    Taro.removeStorageSync('jinlin.devOpenid');
    respond(200, { ok: true, data: {} });

    await h5.send('auth', 'whoAmI', {}, 'tok_1');

    expect(h5.usesToken).toBe(true);
    expect(fetchMock.mock.calls[0][1].headers['X-Jinlin-Dev-Openid']).toBeUndefined();
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe('Bearer tok_1');
  });

  it('sends the stand-in with an uploaded photo too', async () => {
    Taro.setStorageSync('jinlin.devOpenid', 'dev-openid-new-1');
    respond(200, { ok: true, data: { id: 'f1', url: '/files/f1' } });

    await h5.upload({ path: 'blob:1', file: new Blob(['x'], { type: 'image/jpeg' }), type: 'image/jpeg' }, null);

    expect(fetchMock.mock.calls[0][0]).toBe('/api/photos');
    expect(fetchMock.mock.calls[0][1].headers['X-Jinlin-Dev-Openid']).toBe('dev-openid-new-1');
  });
});
