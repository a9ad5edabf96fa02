/**
 * Open311 over the local host, for the tests of tests/open311: the demo community, a server, a key
 * issued by its staff, calls as a partner makes them, and answers read back with a real XML parser.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../server/app';
import type { IssuedApiKey } from '../../src/core';
import { data, harness, type Harness } from '../support/harness';

export const BASE = '/open311/v2';

// xml2js (a dependency of @cloudbase/node-sdk's storage) ships no types of its own.
const { parseStringPromise } = require('xml2js') as { parseStringPromise(xml: string, opts: object): Promise<Record<string, any>> };

export interface Open311Kit {
  h: Harness;
  app: FastifyInstance;
  community: { id: string; path: string };
  /** A key issued by the community's staff (张伟, shequ). */
  issue(partner?: string): Promise<IssuedApiKey>;
  get(path: string, query?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(path: string, form: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function open311Kit(): Promise<Open311Kit> {
  const h = await harness({ residents: 12 });
  const app = await buildServer({ deps: h.deps });
  const community = await h.unitNamed('阳光社区');
  return {
    h,
    app,
    community,
    async issue(partner = '幸福街道 12345 热线') {
      return data(await h.call<IssuedApiKey>('open311', 'issueKey', { communityId: community.id, partner }, await h.as('shequ')));
    },
    get(path, query = {}) {
      const qs = new URLSearchParams(query).toString();
      return app.inject({ method: 'GET', url: `${BASE}${path}${qs ? `?${qs}` : ''}` });
    },
    post(path, form) {
      return app.inject({ method: 'POST', url: `${BASE}${path}`, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
    },
    async close() {
      await app.close();
      await h.close();
    },
  };
}

/** Parses an answer's XML strictly (a document that is not well-formed throws): its root element's name and content. */
export async function xml(body: string): Promise<{ root: string; value: any }> {
  const doc = await parseStringPromise(body, { strict: true, explicitArray: false, explicitRoot: true });
  const [root] = Object.keys(doc);
  return { root, value: doc[root] };
}

/** A list element's items as xml2js gives them (one item is not an array there; none is ''). */
export const items = (v: unknown): any[] => (v === '' || v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The W3C date-time with the zone the spec requires; ours are China time. */
export const W3C_CHINA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
