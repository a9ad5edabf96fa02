/**
 * Pairing (联户): what 我的联户, the visit form and 我的 call. A member reads their own paired
 * households (with their kinds) and records visits; a visit that finds a problem files a report for
 * the household first (reports.create, channel 走访, naming the pairing), then the visit with that
 * report's id. Each create carries its own client request id, so a retried tap files and records once.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type VisitInput = ActionInput<'pairings', 'recordVisit'>;
/** What the visit form fills of a report: the rest (channel, pairing) this module adds. */
export type VisitReportInput = Omit<ActionInput<'reports', 'create'>, 'channel' | 'pairingId' | 'residentId' | 'contactName' | 'contactPhone'>;

/** The caller's pairings, the ones still on first. */
export const myPairings = () => call('pairings', 'mine', {});

/** Files a report for a paired household during a visit: the server takes the pairing's contact and door. */
export const fileForHousehold = (pairingId: string, input: VisitReportInput) => call('reports', 'create', { ...input, channel: 'visit', pairingId });

/** Records a visit; `reportId` links the report filed for the household on it. */
export const recordVisit = (input: VisitInput) => call('pairings', 'recordVisit', input);
