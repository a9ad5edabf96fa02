/**
 * An Open311 call as either host hands it over (server/open311.ts locally, entry.ts from CloudBase's
 * HTTP access): the method, the path below /open311/v2, the query and the form fields; and what goes
 * back. Nothing here knows fastify or CloudBase.
 */
export type Params = Readonly<Record<string, string | undefined>>;

export interface Open311Request {
  method: string;
  /** The path below /open311/v2, e.g. "/requests.json" or "/requests/rep_x.xml". */
  path: string;
  query: Params;
  /** A POST's form fields (application/x-www-form-urlencoded); null when there is no body. */
  form: Params | null;
  /** This endpoint's own URL, e.g. "https://example.org/open311/v2": what discovery names. */
  baseUrl: string;
}

export interface Open311Response {
  status: number;
  contentType: string;
  body: string;
}

/** Where the Open311 surface is mounted, on the local host and behind HTTP access alike. */
export const OPEN311_BASE = '/open311/v2';

/**
 * A parameter's value, trimmed; an empty one is no value ("Optional" in the spec: a parameter passed
 * empty means what it means when left out).
 */
export function one(params: Params, name: string): string | undefined {
  const v = params[name]?.trim();
  return v ? v : undefined;
}

/** A comma-delimited parameter's values, trimmed, each once, in the order given. */
export function list(params: Params, name: string): string[] {
  const v = one(params, name);
  if (!v) return [];
  return [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * Query or form values as the hosts parse them, one string per name: a name given twice is read as
 * its values comma-delimited (the spec's lists may be written either way).
 */
export function paramsOf(raw: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').join(',');
  }
  return out;
}

/** Form fields from a form-encoded body. */
export function formOf(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = k in out ? `${out[k]},${v}` : v;
  return out;
}
