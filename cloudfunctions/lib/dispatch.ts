/**
 * The one way into the actions: every entry (cloud function, local server, tests) calls a
 * dispatch(deps, functionName, event, credentials) and gets a Result value back. A dispatch serves
 * the functions it is made with: a cloud function makes one over its own FunctionDef, so its bundle
 * holds its own actions only; the local host and the tests use the registry of all of them
 * (./functions.ts).
 * Expected failures are values; anything else thrown is a bug, logged with the request id and
 * answered as INTERNAL without its details.
 */
import type * as z from 'zod';
import { DomainError, fail, ok, type ErrorCode, type Failure, type Result } from '../../src/core';
import type { ActionDef, Caller, FunctionDef } from './actions/define';
import type { Deps } from './deps';
import { resolveCaller, type Credentials } from './identity';

/** Functions by the name callers use (`/api/<name>`, `callFunction({ name })`). */
export type FunctionRegistry = Readonly<Record<string, FunctionDef>>;

export type Dispatch = (deps: Deps, fnName: string, event: unknown, cred: Credentials) => Promise<Result<unknown>>;

const HAN = /[\u4e00-\u9fff]/;

export function inputFailure(error: z.core.$ZodError): Failure {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  const message = HAN.test(issue.message) ? issue.message : field ? `“${field}”的内容不正确` : '请求内容应为一个对象';
  return fail('INPUT.INVALID', message, field || undefined);
}

function lookup(functions: FunctionRegistry, fnName: string, action: unknown): ActionDef | Failure {
  if (!Object.prototype.hasOwnProperty.call(functions, fnName)) return fail('API.UNKNOWN_FUNCTION', `没有“${fnName.slice(0, 40)}”这个服务`);
  const fn = functions[fnName];
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(fn, action))
    return fail('API.UNKNOWN_ACTION', typeof action === 'string' ? `“${fnName}”没有“${action.slice(0, 40)}”这个操作` : '请求缺少 action');
  return fn[action];
}

/** A dispatch over `functions`; a name not among them is API.UNKNOWN_FUNCTION. */
export function dispatcher(functions: FunctionRegistry): Dispatch {
  return (deps, fnName, event, cred) => dispatchTo(functions, deps, fnName, event, cred);
}

async function dispatchTo(functions: FunctionRegistry, deps: Deps, fnName: string, event: unknown, cred: Credentials): Promise<Result<unknown>> {
  const requestId = deps.ids.next('req');
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('INPUT.MALFORMED');
    const { action, data } = event as { action?: unknown; data?: unknown };
    const def = lookup(functions, fnName, action);
    if ('ok' in def) return def;

    let caller: Caller | null = null;
    let refused: DomainError | null = null;
    if (def.access === 'person') {
      caller = await resolveCaller(deps, cred);
      if (!caller) return fail('AUTH.REQUIRED');
    } else {
      // A stale token must not stop anyone from signing in again; the action may still say why it was refused.
      caller = await resolveCaller(deps, cred).catch((e: unknown) => {
        if (e instanceof DomainError) refused = e;
        else throw e;
        return null;
      });
    }

    const parsed = def.schema.safeParse(data === undefined ? {} : data);
    if (!parsed.success) return inputFailure(parsed.error);

    const client = { openid: cred.openid ?? null, ip: cred.ip ?? null, refused };
    return ok(await def.run({ deps, caller, client, requestId }, parsed.data));
  } catch (e) {
    if (e instanceof DomainError) return e.toFailure();
    deps.log.error('action failed', {
      requestId,
      fn: fnName,
      action: (event as { action?: unknown })?.action,
      error: e instanceof Error ? e.stack : String(e),
    });
    return { ...fail('INTERNAL'), requestId };
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  'INPUT.INVALID': 400,
  'INPUT.MALFORMED': 400,
  'API.UNKNOWN_FUNCTION': 404,
  'API.UNKNOWN_ACTION': 404,
  'AUTH.REQUIRED': 401,
  'AUTH.TOKEN_INVALID': 401,
  'AUTH.TOKEN_EXPIRED': 401,
  'AUTH.TOKEN_REVOKED': 401,
  'AUTH.BAD_CREDENTIALS': 401,
  'AUTH.LOCKED': 429,
  'AUTH.NOT_REGISTERED': 403,
  'AUTH.FORBIDDEN': 403,
  'UNIT.NOT_FOUND': 404,
  'CODE.NOT_FOUND': 404,
  'CODE.TOO_MANY_TRIES': 429,
  'REGISTRATION.TOO_MANY': 429,
  'PERSON.TOO_MANY_COPIES': 429,
  'PERSON.TOO_MANY_TRIES': 429,
  'PERSON.HOLDS_ROLES': 409,
  'REGISTRATION.NOT_FOUND': 404,
  'REGISTRATION.ALREADY_DECIDED': 409,
  'REGISTRATION.ACCOUNT_EXISTS': 409,
  'REGISTRATION.PERSON_TAKEN': 409,
  'CHECKIN.NOT_FOUND': 404,
  'LECTURE.NOT_FOUND': 404,
  'CHECKIN.ALREADY_DECIDED': 409,
  'CHECKIN.ALREADY_MEMBER': 409,
  'PERSON.NOT_FOUND': 404,
  'BINDING.NOT_FOUND': 404,
  'CONFLICT.VERSION': 409,
  'ROLE.ALREADY_BOUND': 409,
  'UNIT.NAME_TAKEN': 409,
  'APIKEY.NOT_FOUND': 404,
  'APIKEY.ALREADY_REVOKED': 409,
  'SERVICE.NOT_FOUND': 404,
  'SHOP.NOT_FOUND': 404,
  'SHOP.ORDER_NOT_FOUND': 404,
  'WISH.NOT_FOUND': 404,
  'WISH.TAKEN': 409,
  'PROPERTY.NOT_FOUND': 404,
  'ASSESSMENT.NOT_FOUND': 404,
  'ASSESSMENT.ALREADY_ANSWERED': 409,
  'ECHO.TOO_MANY_TRIES': 429,
  'TOPIC.NOT_FOUND': 404,
  'TOPIC.NOT_YOURS': 403,
  'OPINION.NOT_FOUND': 404,
  'RULES.VERSION_MOVED': 409,
  'PARTNER.NOT_FOUND': 404,
  'PARTNER.NOT_YOURS': 403,
  'PARTNER.NOT_PARTNERING': 403,
  'PARTNER.NAME_TAKEN': 409,
  'RESOURCE.NOT_FOUND': 404,
  'NEED.NOT_FOUND': 404,
  'NEED.TAKEN': 409,
  'PROJECT.NOT_FOUND': 404,
  'VISIT.NOT_FOUND': 404,
  INTERNAL: 500,
};

/** The HTTP status the local server answers a result with (the body is the result either way). */
export function httpStatus(result: Result<unknown>): number {
  return result.ok ? 200 : (STATUS[result.code] ?? 422);
}
