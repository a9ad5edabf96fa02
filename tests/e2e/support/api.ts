/**
 * The cloud functions over HTTP, the way the management page and the h5 build call them: POST
 * /api/<fn> with `{ action, data }`, as a signed-in person (a session token) or as a stand-in WeChat
 * user (X-Jinlin-Dev-Openid, honoured only by a host started with JINLIN_DEV_WECHAT=1).
 */
export interface Caller {
  token?: string;
  openid?: string;
}

export interface Api {
  /** The function's whole answer (`{ ok, data }` or `{ ok: false, code, message }`), for a test that reads a refusal. */
  post(fn: string, body: unknown, who?: Caller): Promise<any>;
  /** One action's data; a refusal is thrown with the function, the action and its code. */
  call<T = any>(fn: string, action: string, data: unknown, who?: Caller): Promise<T>;
  /** A session token for a login (every demo login's password is demo1234). */
  signIn(username: string, password?: string): Promise<string>;
  /** The whole session, as the app keeps it in Taro storage. */
  session(username: string, password?: string): Promise<{ token: string; expiresAt: number }>;
}

/** `url` is the host's address, or a way to read it once the host has started (a file's beforeAll starts it). */
export function api(url: string | (() => string)): Api {
  const base = typeof url === 'string' ? () => url : url;
  const post = async (fn: string, body: unknown, who: Caller = {}) => {
    const res = await fetch(`${base()}/api/${fn}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
        ...(who.openid ? { 'X-Jinlin-Dev-Openid': who.openid } : {}),
      },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const call = async <T = any>(fn: string, action: string, data: unknown, who: Caller = {}): Promise<T> => {
    const json = await post(fn, { action, data }, who);
    if (!json.ok) throw new Error(`${fn}.${action}: ${json.code} ${json.message}`);
    return json.data;
  };
  const session = (username: string, password = 'demo1234') => call<{ token: string; expiresAt: number }>('auth', 'signIn', { username, password });
  const signIn = async (username: string, password = 'demo1234') => (await session(username, password)).token;
  return { post, call, signIn, session };
}
