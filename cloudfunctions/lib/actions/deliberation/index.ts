/**
 * Neighbours decide together (议事协商), the `deliberation` function: topics opened for a building, a
 * compound or the community (optionally from a report), opinions and their moderation, one vote per
 * household, the decision and minutes, the compound's rules (公约) by version, and the compound's public
 * page. The rules: src/core/deliberation.ts (statuses, phases, tallies) and
 * src/core/deliberation-access.ts (who may do what).
 */
import type { FunctionDef } from '../define';
import { decide } from './decide';
import { open } from './open';
import { opinions } from './opinions';
import { publicPage } from './public';
import { read } from './read';
import { rules } from './rules';
import { vote } from './vote';

export const deliberation: FunctionDef = { ...open, ...read, ...opinions, ...vote, ...decide, ...rules, ...publicPage };
