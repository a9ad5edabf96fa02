/** Browser transport: POST /api/<function> with `{ action, data }` to the local server. */
import { asResult, NETWORK_MESSAGE, type Transport } from './types';

export const transport: Transport = {
  usesToken: true,
  async send(fn, action, data, token) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action, data }),
      });
    } catch {
      return { ok: false, code: 'NETWORK.UNREACHABLE', message: NETWORK_MESSAGE };
    }
    // The body is the answer whatever the HTTP status: 4xx/5xx carry a Failure too.
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    return asResult(body);
  },
};
