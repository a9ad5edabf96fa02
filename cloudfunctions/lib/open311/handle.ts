/**
 * The Open311 surface, whatever the host: the path says the resource and the format, the method says
 * read or file, and each resource has its file (discovery, services, requests-get, requests-post,
 * request-by-id). Expected refusals answer in the spec's error shape; a bug is logged with a request id
 * and answered 500 in the same shape, without its details.
 */
import { DomainError } from '../../../src/core';
import type { Deps } from '../deps';
import { discovery } from './discovery';
import { errorAnswer, refusal } from './errors';
import { FORMATS, type Format } from './format';
import { requestById } from './request-by-id';
import type { Open311Request, Open311Response } from './request';
import { requestsGet } from './requests-get';
import { requestsPost } from './requests-post';
import { serviceDefinition, services } from './services';

interface Route {
  resource: 'discovery' | 'services' | 'requests';
  /** The service_code or service_request_id named in the path. */
  id: string | null;
  format: Format;
}

/** "/services/lift.json" → services, "lift", json. A missing suffix is XML, the spec's required format. */
function routeOf(path: string): Route | DomainError {
  const m = /^\/(discovery|services|requests)(?:\/([^/]+?))?(?:\.([A-Za-z0-9]{1,8}))?\/?$/.exec(path);
  if (!m) return new DomainError('GEOREPORT.NOT_FOUND');
  const [, resource, rawId, suffix] = m;
  const format = (suffix ?? 'xml').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) return new DomainError('GEOREPORT.BAD_FORMAT');
  let id: string | null = null;
  if (rawId !== undefined) {
    if (resource === 'discovery') return new DomainError('GEOREPORT.NOT_FOUND');
    try {
      id = decodeURIComponent(rawId);
    } catch {
      return new DomainError('GEOREPORT.NOT_FOUND');
    }
  }
  return { resource: resource as Route['resource'], id, format: format as Format };
}

async function run(deps: Deps, req: Open311Request, r: Route, requestId: string): Promise<Open311Response> {
  const method = req.method.toUpperCase();
  const read = method === 'GET' || method === 'HEAD';
  if (r.resource === 'requests' && r.id === null && method === 'POST') return requestsPost(deps, req, r.format, requestId);
  if (!read) throw new DomainError('GEOREPORT.METHOD');
  if (r.resource === 'discovery') return discovery(req, r.format);
  if (r.resource === 'services') return r.id === null ? services(deps, req, r.format) : serviceDefinition(deps, req, r.format, r.id);
  return r.id === null ? requestsGet(deps, req, r.format) : requestById(deps, req, r.format, r.id);
}

export async function handleOpen311(deps: Deps, req: Open311Request): Promise<Open311Response> {
  const r = routeOf(req.path);
  // A path we cannot read has no format of its own: XML, the spec's required one.
  if (r instanceof DomainError) return refusal('xml', r);
  const requestId = deps.ids.next('req');
  try {
    return await run(deps, req, r, requestId);
  } catch (e) {
    if (e instanceof DomainError) return refusal(r.format, e);
    deps.log.error('open311 failed', { requestId, method: req.method, path: req.path, error: e instanceof Error ? e.stack : String(e) });
    return errorAnswer(r.format, 'INTERNAL', `系统出了点问题，请稍后再试（请求编号 ${requestId}）`);
  }
}
