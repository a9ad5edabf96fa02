/**
 * The demo's people acting through the real use-cases: what a tap in the mini-program or a click on
 * the management page runs (the action's schema, who may, the engine's change, the versioned save
 * with its timeline, audit entry and messages), called as a person the seed names instead of a
 * signed-in session. A refusal is a value, as dispatch answers it.
 */
import { DomainError, ok, type Result } from '../../../../src/core';
import type { Caller } from '../../actions/define';
import type { Deps } from '../../deps';
import { inputFailure } from '../../dispatch';
import { FUNCTIONS } from '../../functions';
import { resolvePerson } from '../../identity';

export type Perform = <T = unknown>(personId: string, fn: string, action: string, data: Record<string, unknown>) => Promise<Result<T>>;

export function cast(deps: Deps): Perform {
  // Nobody's bindings change while the history runs.
  const callers = new Map<string, Promise<Caller>>();
  const callerOf = (personId: string): Promise<Caller> => {
    let c = callers.get(personId);
    if (!c) {
      c = deps.store.people.get(personId).then((person) => {
        if (!person) throw new Error(`demo history: no person ${personId}`);
        // Those with a web login use the management page; the others the mini-program.
        return resolvePerson(deps, person, person.username ? 'token' : 'openid', null);
      });
      callers.set(personId, c);
    }
    return c;
  };
  return async <T>(personId: string, fn: string, action: string, data: Record<string, unknown>): Promise<Result<T>> => {
    const def = FUNCTIONS[fn]?.[action];
    if (!def) throw new Error(`demo history: no action ${fn}.${action}`);
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) return inputFailure(parsed.error);
    try {
      const caller = await callerOf(personId);
      return ok((await def.run({ deps, caller, client: { openid: null, ip: null, refused: null }, requestId: deps.ids.next('req') }, parsed.data)) as T);
    } catch (e) {
      if (e instanceof DomainError) return e.toFailure();
      throw e;
    }
  };
}
