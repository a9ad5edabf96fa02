/**
 * The two formats of GeoReport v2: XML (required by the spec) and JSON (its "Spark" mapping of the
 * XML: a repeated element becomes an array, so a list answers as a bare array). The resource's
 * suffix chooses: /services.xml, /services.json; without one, XML.
 */
import type { Open311Response } from './request';

export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** What an answer is made of: the spec's fields, nested objects and lists. */
export type Value = string | number | boolean | null | readonly Value[] | { readonly [field: string]: Value };

/** The element each list's items are written as (the spec's "services ⇊ service ↴" pairs). */
const ITEM: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** Characters XML 1.0 cannot carry at all (a control character typed into a description, a lone surrogate). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(v: string): string {
  return v.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, v: Value, depth: number): string {
  const pad = '  '.repeat(depth);
  if (v === null) return `${pad}<${name}/>`;
  if (Array.isArray(v)) {
    const item = ITEM[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    if (v.length === 0) return `${pad}<${name}/>`;
    return `${pad}<${name}>\n${v.map((x) => element(item, x, depth + 1)).join('\n')}\n${pad}</${name}>`;
  }
  if (typeof v === 'object') {
    const fields = Object.entries(v as Record<string, Value>);
    if (fields.length === 0) return `${pad}<${name}/>`;
    return `${pad}<${name}>\n${fields.map(([k, x]) => element(k, x, depth + 1)).join('\n')}\n${pad}</${name}>`;
  }
  return `${pad}<${name}>${text(String(v))}</${name}>`;
}

/** The document: the declaration the spec asks for, then `root` holding `value`. */
export function toXml(root: string, value: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, 0)}\n`;
}

/** An answer in the format asked for: `root` names the XML document (a list's items take their names from ITEM). */
export function answer(format: Format, root: string, value: Value, status = 200): Open311Response {
  return { status, contentType: CONTENT_TYPE[format], body: format === 'json' ? JSON.stringify(value) : toXml(root, value) };
}
