/**
 * The management page's function (`management`): dashboard, report desk, reassign, meeting agenda, import, deadline
 * settings, ledger, audit log and the street's holidays — the contract in src/core/management.ts. Staff only, inside the
 * subtree of their staff bindings (scope.ts).
 */
import type { FunctionDef } from '../define';
import { agenda } from './agenda';
import { auditLog } from './audit-log';
import { dashboardActions } from './dashboard';
import { holidayActions } from './holidays';
import { importActions } from './import';
import { ledger } from './ledger';
import { list } from './list';
import { reassign } from './reassign';
import { settings } from './settings';
import { subscribeSends } from './subscribe-sends';

export const management: FunctionDef = { ...dashboardActions, ...list, ...reassign, ...agenda, ...importActions, ...settings, ...ledger, ...auditLog, ...holidayActions, ...subscribeSends };
