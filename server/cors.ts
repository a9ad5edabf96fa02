/**
 * Cross-origin calls to the local host's /api/: the origins JINLIN_ALLOWED_ORIGINS lists may call
 * (the rule and the headers: cloudfunctions/lib/cors.ts, shared with the cloud's HTTP access). A
 * preflight is answered here, before any route; every other /api/ answer carries the headers, errors
 * included, so a page on an allowed origin can read why a call failed.
 */
import type { FastifyInstance } from 'fastify';
import { corsHeaders, originOf, preflight } from '../cloudfunctions/lib/cors';

export function allowCrossOrigin(app: FastifyInstance, allowed: readonly string[]): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const origin = originOf(req.headers);
    if (req.method === 'OPTIONS') {
      const p = preflight(origin, allowed);
      return reply.status(p.status).headers(p.headers).send(p.body ?? undefined);
    }
    reply.headers(corsHeaders(origin, allowed));
  });
}
