/**
 * Stands in for admin/src/api (the management page's only way to the server, which jest cannot load:
 * it reads Vite's import.meta): `api.<fn>.<action>(data)` answers what a test set with `answer`,
 * records what the page sent, and throws an ApiError the way the real one does for a refusal.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly requestId?: string;
  constructor(code: string, message: string, field?: string, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.requestId = requestId;
  }
}

type Answer = unknown | ((data: any) => unknown);

const answers = new Map<string, Answer>();
export const sent: { key: string; data: any }[] = [];

/** What `fn.action` answers from now on: a value, an ApiError to throw, or a function of the data sent. */
export function answer(key: string, a: Answer): void {
  answers.set(key, a);
}

export function sentTo(key: string): any[] {
  return sent.filter((c) => c.key === key).map((c) => c.data);
}

export function resetApi(): void {
  answers.clear();
  sent.length = 0;
}

async function call(key: string, data: unknown): Promise<unknown> {
  sent.push({ key, data });
  if (!answers.has(key)) throw new ApiError('API.UNKNOWN_ACTION', `测试没有设置 ${key} 的回答`);
  const a = answers.get(key);
  const r = typeof a === 'function' ? (a as (d: unknown) => unknown)(data) : a;
  if (r instanceof ApiError) throw r;
  return r;
}

export const api = new Proxy({} as Record<string, Record<string, (data: unknown) => Promise<unknown>>>, {
  get: (_, fn: string) => new Proxy({}, { get: (__, action: string) => (data: unknown) => call(`${fn}.${action}`, data) }),
});

export const SESSION_LOST_MESSAGE = '登录已过期，请重新登录';
export const isAuthLost = (e: unknown) => e instanceof ApiError && e.code.startsWith('AUTH.TOKEN');
export const getToken = () => 'tok_staff';
export const setToken = () => undefined;
export const setSessionLostListener = () => undefined;
