/**
 * Open311 GeoReport v2 on the local host, at /open311/v2: each request handed to the same handler the
 * cloud function calls (cloudfunctions/lib/open311/handle.ts), and its answer sent as it comes. The
 * plugin keeps its own body parser (the spec posts application/x-www-form-urlencoded) and its own
 * error handler, so a body it cannot read is answered in Open311's error shape, not the API's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../cloudfunctions/lib/deps';
import { errorAnswer } from '../cloudfunctions/lib/open311/errors';
import { handleOpen311 } from '../cloudfunctions/lib/open311/handle';
import { formOf, OPEN311_BASE, paramsOf, type Open311Response } from '../cloudfunctions/lib/open311/request';

/** A report's fields fit in a few KB; a partner's form is refused well before the API's 1 MB. */
const FORM_LIMIT = 64 * 1024;

const isForm = (req: FastifyRequest) => /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');

function send(reply: FastifyReply, r: Open311Response) {
  return reply.status(r.status).type(r.contentType).send(r.body);
}

export async function open311Routes(app: FastifyInstance, opts: { deps: Deps }) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => done(null, formOf(String(body))));

  app.setErrorHandler((err: { statusCode?: number }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      opts.deps.log.error('open311 server error', { url: req.url, error: String((err as Error).stack ?? err) });
      return send(reply, errorAnswer('xml', 'INTERNAL'));
    }
    const why = status === 415 ? '请用 application/x-www-form-urlencoded 提交（Open311 的 POST 格式）' : status === 413 ? '提交的内容太大' : '请求的格式不对';
    return send(reply, errorAnswer(req.url.includes('.json') ? 'json' : 'xml', 'INPUT.MALFORMED', why));
  });

  const serve = async (req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split('?')[0];
    const body = req.body;
    const answer = await handleOpen311(opts.deps, {
      method: req.method,
      path: url.slice(OPEN311_BASE.length) || '/',
      query: paramsOf(req.query as Record<string, unknown>),
      // The spec posts a form; a body of any other type (JSON, a file) is no form, as in the cloud.
      form: isForm(req) && body && typeof body === 'object' ? paramsOf(body as Record<string, unknown>) : null,
      baseUrl: `${req.protocol}://${req.headers.host ?? 'localhost'}${OPEN311_BASE}`,
    });
    return send(reply, answer);
  };
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: `${OPEN311_BASE}`, handler: serve });
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: `${OPEN311_BASE}/*`, handler: serve });
}
