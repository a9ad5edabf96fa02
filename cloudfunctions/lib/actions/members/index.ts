/**
 * Party members (党员), the `members` function: checking in with a compound's (or the community's)
 * member code, the secretary's approval, return, transfer out and withdrawal, the member's own
 * records, and the roster, its counts, its export and the check-in points' codes. The rules:
 * src/core/checkins.ts.
 */
import type { FunctionDef } from '../define';
import { approve } from './approve';
import { codes } from './codes';
import { counts } from './counts';
import { exportRoster } from './export';
import { mine } from './mine';
import { pending } from './pending';
import { returnCheckin } from './return';
import { roster } from './roster';
import { submit } from './submit';
import { transferOut } from './transfer-out';
import { withdraw } from './withdraw';

export const members: FunctionDef = { ...submit, ...mine, ...pending, ...approve, ...returnCheckin, ...transferOut, ...withdraw, ...roster, ...counts, ...exportRoster, ...codes };
