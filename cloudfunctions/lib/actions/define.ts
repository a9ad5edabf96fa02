import type { DomainError } from '../../../src/core';
import type * as z from 'zod/mini';
import type { Binding, Person, ScopedBinding, Unit } from '../../../src/core';
import type { Deps } from '../deps';

export interface CallerBinding extends ScopedBinding {
  binding: Binding;
  unit: Unit;
}

/** The person behind a request, with their role bindings resolved to units. */
export interface Caller {
  person: Person;
  bindings: CallerBinding[];
  via: 'token' | 'openid';
  sessionId: string | null;
}

/** What the entry knows of where a request came from, whoever the caller turns out to be. */
export interface Client {
  /** The platform's OPENID (a mini-program caller), registered or not. */
  openid: string | null;
  /** The caller's address as the host saw it (the local server, or HTTP access's x-forwarded-for). */
  ip: string | null;
  /**
   * Why the credentials presented did not make a caller, for a public action (a stale token must not
   * stop anyone signing in, but whoAmI tells an expired session from none): null when none were refused.
   */
  refused: DomainError | null;
}

export interface ActionContext {
  deps: Deps;
  caller: Caller | null;
  /** Public actions limit their callers by it (resolving codes) even when no one is signed in. */
  client: Client;
  requestId: string;
}

export interface AuthedContext extends ActionContext {
  caller: Caller;
}

export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, O = unknown> {
  /** From core/schemas (zod/mini); a schema of zod's chained API fits as well. */
  schema: S;
  /** 'public': anyone; 'person': a registered person (token or openid). */
  access: 'public' | 'person';
  run(ctx: ActionContext, input: z.output<S>): Promise<O>;
}

export function publicAction<S extends z.ZodMiniType, O>(schema: S, run: (ctx: ActionContext, input: z.output<S>) => Promise<O>): ActionDef<S, O> {
  return { schema, access: 'public', run };
}

export function personAction<S extends z.ZodMiniType, O>(schema: S, run: (ctx: AuthedContext, input: z.output<S>) => Promise<O>): ActionDef<S, O> {
  return { schema, access: 'person', run: (ctx, input) => run(ctx as AuthedContext, input) };
}

export type FunctionDef = Record<string, ActionDef>;
