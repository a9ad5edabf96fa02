/** The two real transports, each against a stand-in for its platform's network call. */
import Taro from '@tarojs/taro';
import { CALL_TIMEOUT_MS, transport as h5 } from '../../src/services/transport.h5';
import { networkFailure } from '../../src/services/transport-failures';

const fetchMock = jest.fn();

function respond(status: number, body: unknown) {
  fetchMock.mockResolvedValueOnce({
    status,
    ok: status < 400,
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  });
}

/** What the phone says of its network (WeChat's getNetworkType); online unless a test says otherwise. */
const network = jest.fn(async () => ({ networkType: 'wifi', errMsg: 'getNetworkType:ok' }));
(Taro as unknown as Record<string, unknown>).getNetworkType = network;

beforeEach(() => {
  network.mockImplementation(async () => ({ networkType: 'wifi', errMsg: 'getNetworkType:ok' }));
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

  it('turns a body that is not our JSON into a readable message', async () => {
    respond(200, 'not json <html>');
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({
      ok: false,
      code: 'NETWORK.BAD_RESPONSE',
      message: '服务暂时没有正常回应，请稍后再试',
    });
  });

  it('says the server is out of reach when the request never arrives and the browser is online', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({
      ok: false,
      code: 'NETWORK.UNREACHABLE',
      message: '网络连接不上，请检查网络后再试',
    });
  });
});

describe('h5 transport telling failures apart', () => {
  afterEach(() => jest.useRealTimers());

  it('says the phone has no network when the browser is offline, and how to get it back', async () => {
    const online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    const result = await h5.send('reports', 'mine', {}, 't');

    online.mockRestore();
    expect(result).toEqual({ ok: false, code: 'NETWORK.OFFLINE', message: '手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次' });
  });

  it(`gives up after ${CALL_TIMEOUT_MS / 1000} s, aborting the request, and says the network is too slow`, async () => {
    jest.useFakeTimers();
    let signal: AbortSignal | undefined;
    // A request that never answers until it is aborted, as fetch does.
    fetchMock.mockImplementationOnce((_url: string, init: { signal: AbortSignal }) => {
      signal = init.signal;
      return new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });

    const pending = h5.send('reports', 'create', { clientRequestId: 'c1' }, 't');
    jest.advanceTimersByTime(CALL_TIMEOUT_MS - 1);
    expect(signal?.aborted).toBe(false);
    jest.advanceTimersByTime(1);

    expect(await pending).toEqual({ ok: false, code: 'NETWORK.TIMEOUT', message: '网络太慢，等了很久没有回应：请到信号好一点的地方再试一次' });
    expect(signal?.aborted).toBe(true);
  });

  it('says the service failed when a 5xx comes without our answer (the function never answered), and too slow on a 504', async () => {
    respond(502, 'not json <html>');
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({
      ok: false,
      code: 'NETWORK.FUNCTION_ERROR',
      message: '服务出了故障，这次没有办成：请过几分钟再试；一直不行，请告诉楼栋长或社区工作人员',
    });
    respond(504, 'gateway timeout');
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toMatchObject({ ok: false, code: 'NETWORK.TIMEOUT' });
  });

  it("keeps the function's own INTERNAL answer and its request id from a 500, as the mini-program gets it", async () => {
    respond(500, { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试', requestId: 'req_9' });
    expect(await h5.send('auth', 'whoAmI', {}, 't')).toEqual({ ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试', requestId: 'req_9' });
  });

  it('says which of the three stopped a photo, in words about the photo', async () => {
    const photo = { path: 'blob:1', file: new Blob(['x'], { type: 'image/jpeg' }), type: 'image/jpeg' };
    const online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await h5.upload(photo, 't')).toEqual({ ok: false, code: 'NETWORK.OFFLINE', message: '手机没有联网，照片没有传上去：请打开 Wi-Fi 或手机流量，连上后再试' });
    online.mockRestore();

    respond(503, 'busy');
    expect(await h5.upload(photo, 't')).toMatchObject({ code: 'NETWORK.FUNCTION_ERROR', message: '存照片的服务出了故障，照片没有传上去：请过几分钟再试' });
  });

  it('gives every failure without an answer a NETWORK.* code (what the filing queue sends again) and a message of its own', () => {
    const codes = ['NETWORK.OFFLINE', 'NETWORK.TIMEOUT', 'NETWORK.FUNCTION_ERROR', 'NETWORK.UNREACHABLE'] as const;
    for (const code of codes) expect(networkFailure(code).code.startsWith('NETWORK.')).toBe(true);
    expect(new Set(codes.map((c) => networkFailure(c).message)).size).toBe(codes.length);
    expect(new Set(codes.map((c) => networkFailure(c, 'photo').message)).size).toBe(codes.length);
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

  it('says the network is down when callFunction fails and the phone is online', async () => {
    const { transport: weapp } = jest.requireActual<typeof import('../../src/services/transport.weapp')>('../../src/services/transport.weapp');
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail' });

    expect(await weapp.send('auth', 'whoAmI', {}, null)).toEqual({ ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' });
  });
});

describe('weapp transport telling failures apart', () => {
  const cloud = (Taro as unknown as { cloud: { callFunction: jest.Mock; uploadFile?: jest.Mock } }).cloud;
  const weapp = () => jest.requireActual<typeof import('../../src/services/transport.weapp')>('../../src/services/transport.weapp').transport;

  it('says the phone has no network when getNetworkType answers none, whatever errMsg says', async () => {
    network.mockImplementation(async () => ({ networkType: 'none', errMsg: 'getNetworkType:ok' }));
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail timeout' });

    expect(await weapp().send('reports', 'create', {}, null)).toEqual({
      ok: false,
      code: 'NETWORK.OFFLINE',
      message: '手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次',
    });
  });

  it('says the network is too slow on a timeout: the request\'s, or the function\'s own (-504003)', async () => {
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail timeout' });
    expect(await weapp().send('reports', 'mine', {}, null)).toEqual({
      ok: false,
      code: 'NETWORK.TIMEOUT',
      message: '网络太慢，等了很久没有回应：请到信号好一点的地方再试一次',
    });

    cloud.callFunction.mockRejectedValueOnce({ errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 3 seconds' });
    expect(await weapp().send('reports', 'mine', {}, null)).toMatchObject({ code: 'NETWORK.TIMEOUT' });
  });

  it('says the service failed when the function itself did (it threw, could not start, or is not there)', async () => {
    const fromFunction = [
      { errCode: -404011, errMsg: 'cloud.callFunction:fail Error: errCode: -404011 cloud function execution error | errMsg: clientSDK' },
      { errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: TypeError: x is undefined' },
      { errCode: -501000, errMsg: 'cloud.callFunction:fail Error: errCode: -501000 | errMsg: [ResourceNotFound] FunctionName parameter could not be found.' },
    ];
    for (const error of fromFunction) {
      cloud.callFunction.mockRejectedValueOnce(error);
      expect(await weapp().send('reports', 'mine', {}, null)).toEqual({
        ok: false,
        code: 'NETWORK.FUNCTION_ERROR',
        message: '服务出了故障，这次没有办成：请过几分钟再试；一直不行，请告诉楼栋长或社区工作人员',
      });
    }
  });

  it('still answers when getNetworkType itself fails: by errMsg alone', async () => {
    network.mockImplementation(async () => {
      throw { errMsg: 'getNetworkType:fail' };
    });
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail timeout' });
    expect(await weapp().send('reports', 'mine', {}, null)).toMatchObject({ code: 'NETWORK.TIMEOUT' });
  });

  it('tells a photo that did not get through apart the same way, in words about the photo', async () => {
    cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: { registered: true, person: { id: 'p1' } } } });
    cloud.uploadFile = jest.fn(async () => {
      throw { errMsg: 'cloud.uploadFile:fail request:fail' };
    });
    network.mockImplementation(async () => ({ networkType: 'none', errMsg: 'getNetworkType:ok' }));

    expect(await weapp().upload({ path: 'wxfile://tmp_1.jpg', size: 1000 }, null)).toEqual({
      ok: false,
      code: 'NETWORK.OFFLINE',
      message: '手机没有联网，照片没有传上去：请打开 Wi-Fi 或手机流量，连上后再试',
    });
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
