/**
 * Input schemas for every action, shared by the server (validation) and the clients (types). One
 * file per cloud function, so a function's bundle builds its own schemas only: its actions import
 * their function's file (`import * as schemas from '…/core/schemas/reports'`), not this one.
 * Written with zod/mini (checks passed to `.check()`, `z.optional(x)`), and each action's schema is
 * built on its first use (./on-first-use): the same checks and Chinese messages as zod's chained
 * API, at a fraction of the start-up every cold start pays. zod/mini has no English messages for
 * the checks that name none; dispatch answers those with the field's name either way.
 */
import type * as z from 'zod/mini';
import { auth } from './auth';
import { units } from './units';
import { reports } from './reports';
import { management } from './management';
import { messages } from './messages';
import { people } from './people';
import { codes } from './codes';
import { registration } from './registration';
import { groups } from './groups';
import { members } from './members';
import { lectures } from './lectures';
import { open311 } from './open311';
import { pairings } from './pairings';
import { points } from './points';
import { wishes } from './wishes';
import { assessments } from './assessments';
import { deliberation } from './deliberation';
import { partners } from './partners';

export { id, version, unitName, personName, phone, username, password } from './fields';
export { deskFilter, policySchema } from './management';

export const schemas = { auth, units, reports, management, messages, people, codes, registration, groups, members, lectures, open311, pairings, points, wishes, assessments, deliberation, partners } as const;

export type Schemas = typeof schemas;
export type FunctionName = keyof Schemas;
export type ActionName<F extends FunctionName> = keyof Schemas[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Schemas[F][A] extends z.ZodMiniType
  ? z.input<Schemas[F][A]>
  : never;
