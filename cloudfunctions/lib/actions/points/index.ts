/**
 * Points (积分), the `points` function: the ledger (mine, staff lists, grants and corrections, the
 * .xlsx export), each community's rules, service records and their confirmation, the shop's goods and
 * orders, and the board (公示栏). The rules: src/core/points.ts, shop.ts, points-access.ts. What
 * other functions grant (an attended lecture, a pairing visit, a confirmed wish) goes through
 * earn.ts, which they import without this file.
 */
import type { FunctionDef } from '../define';
import { board } from './board';
import { exportLedger } from './export';
import { goods } from './goods';
import { grant } from './grant';
import { ledger } from './ledger';
import { orders } from './orders';
import { rules } from './rules';
import { serviceDecisions } from './service-decisions';
import { serviceRecords } from './service-records';

export const points: FunctionDef = { ...ledger, ...exportLedger, ...rules, ...grant, ...board, ...serviceRecords, ...serviceDecisions, ...goods, ...orders };
