/**
 * Micro-wishes (微心愿), the `wishes` function: residents post small wishes (or their building or
 * grid lead for them), staff approve them, members and volunteers claim and fulfil them, the wisher
 * confirms and the claimer earns points. The rules: src/core/wishes.ts (the transition table) and
 * src/core/wish-access.ts (who may do what); the timer's side: lib/jobs/wish-expiry.ts and
 * lib/jobs/wish-confirmation.ts.
 */
import type { FunctionDef } from '../define';
import { browse } from './browse';
import { claim } from './claim';
import { confirm } from './confirm';
import { fulfil } from './fulfil';
import { post } from './post';
import { staff } from './staff';
import { withdraw } from './withdraw';

export const wishes: FunctionDef = { ...post, ...browse, ...claim, ...fulfil, ...confirm, ...withdraw, ...staff };
