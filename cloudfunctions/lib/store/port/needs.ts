import type { Need, NeedStatus, Project } from '../../../../src/core';

export type NeedClaimResult =
  | { ok: true; need: Need; project: Project }
  | { ok: false; reason: 'not_found' }
  /** Not open (claimed by another partner meanwhile, met, withdrawn): the need as stored. Nothing written. */
  | { ok: false; reason: 'not_open'; need: Need };

/** The community's needs (需求清单). A need has one claimer: claiming it and writing its project are one atomic step. */
export interface NeedRepo {
  /** Inserts the need unless its poster wrote one with its clientRequestId: then that one. */
  insert(n: Need): Promise<{ need: Need; created: boolean }>;
  get(id: string): Promise<Need | null>;
  /** Versioned like every update: the need, or null. */
  update(next: Need, version: number): Promise<Need | null>;
  /**
   * open → claimed by `project.partnerId` with `project` (status proposed) inserted, whatever version the
   * caller read: of any number of concurrent claims of one need, exactly one succeeds. A project with the
   * same id (a retried claim) is not written twice: the retry of the winner gets the need and its project.
   */
  claim(needId: string, project: Project, at: number): Promise<NeedClaimResult>;
  /** Needs of some communities (optionally of a status), newest first; `total` counts every match. */
  list(communityIds: readonly string[], status: NeedStatus | null, limit: number, offset: number): Promise<{ needs: Need[]; total: number }>;
  /** Needs posted in a community in [from, to). */
  countPosted(communityId: string, from: number, to: number): Promise<number>;
}
