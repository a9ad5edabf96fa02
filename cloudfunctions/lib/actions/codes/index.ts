/**
 * Codes (码), the `codes` function: making, listing and revoking the codes people scan, resolving
 * one for whoever scanned it, and its image for the poster. Who makes which: MAKES_CODES in
 * src/core/codes.ts. The flows that consume a code take its use through use.ts.
 */
import type { FunctionDef } from '../define';
import { create } from './create';
import { image } from './image';
import { list } from './list';
import { resolve } from './resolve';
import { revoke } from './revoke';

export const codes: FunctionDef = { ...create, ...list, ...revoke, ...resolve, ...image };
