/**
 * 共建单位 (#30), the partner's side: what the partners pages call. The contact of a partner organisation
 * and its linked in-service members read what they act for (`mine`: each partner's projects, resources,
 * the open needs of the communities it partners with, its visits), offer and edit resources, claim a need
 * (a project the community then accepts: 双向认领), accept or decline what the community asked of them,
 * keep a project's milestones, and record visits. Creates carry a client request id made once per form,
 * so a retried tap is one resource, one claim, one visit; changes carry the version last read. Every answer
 * is a result value whose failure `message` can be shown as it is.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type OfferResourceInput = ActionInput<'partners', 'offerResource'>;
export type EditResourceInput = ActionInput<'partners', 'editResource'>;
export type RecordVisitInput = ActionInput<'partners', 'recordVisit'>;

/** Which project, resource or need, as last read: a change made meanwhile is refused rather than overwritten. */
export interface VersionRef {
  id: string;
  version: number;
}

/** The partners the caller acts for, with everything the pages show of each. */
export const myPartners = () => call('partners', 'mine', {});

export const offerResource = (input: OfferResourceInput) => call('partners', 'offerResource', input);

export const editResource = (input: EditResourceInput) => call('partners', 'editResource', input);

export const withdrawResource = (ref: VersionRef) => call('partners', 'withdrawResource', ref);

/** Of two partners claiming at once, one wins: the other gets NEED.TAKEN. */
export const claimNeed = (input: { clientRequestId: string; needId: string; partnerId: string; note: string }) =>
  call('partners', 'claimNeed', input.note ? input : { clientRequestId: input.clientRequestId, needId: input.needId, partnerId: input.partnerId });

export const recordPartnerVisit = (input: RecordVisitInput) => call('partners', 'recordVisit', input);

export const projectDetail = (id: string) => call('partners', 'project', { id });

/** Our side accepts what the community asked of us; the caller becomes our side's owner. */
export const acceptProject = (ref: VersionRef) => call('partners', 'accept', ref);

export const declineProject = (ref: VersionRef, reason: string) => call('partners', 'decline', { ...ref, reason });

export const cancelProject = (ref: VersionRef, reason: string) => call('partners', 'cancel', { ...ref, reason });

export const addMilestone = (ref: VersionRef, title: string, dueOn: string) => call('partners', 'addMilestone', { ...ref, title, dueOn });

export const doneMilestone = (ref: VersionRef, milestoneId: string) => call('partners', 'doneMilestone', { ...ref, milestoneId });
