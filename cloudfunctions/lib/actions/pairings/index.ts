/**
 * Pairing (联户), the `pairings` function: members paired with households of their compound by the
 * branch secretary, community staff or the grid's lead; the kinds of households (per community);
 * the member's visits (走访), which can file a report for the household; lists and counts. The
 * rules: src/core/pairings.ts. Its own function, not actions of `members`: a separate aggregate
 * with its own readers (grid leads), and the members bundle stays what check-in needs.
 */
import type { FunctionDef } from '../define';
import { counts } from './counts';
import { kinds } from './kinds';
import { lists } from './lists';
import { pair } from './pair';
import { visits } from './visits';

export const pairings: FunctionDef = { ...kinds, ...pair, ...lists, ...visits, ...counts };
