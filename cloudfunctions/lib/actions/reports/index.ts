/**
 * Reports (民情反映), the `reports` function: filing, the resident's side, handling, the inbox and
 * the figures. Who may do what is asked of the access tables in core (src/core/access.ts).
 */
import type { FunctionDef } from '../define';
import { echoWall } from './echo-wall';
import { figures } from './figures';
import { filing } from './filing';
import { handling } from './handling';
import { inbox } from './inbox';
import { resident } from './resident';

export const reports: FunctionDef = { ...filing, ...resident, ...inbox, ...handling, ...figures, ...echoWall };
