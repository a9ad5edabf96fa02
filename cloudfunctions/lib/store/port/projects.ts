import type { Project, ProjectStatus } from '../../../../src/core';

/** Which projects: of some communities, or of some partners (each optionally of a status). */
export type ProjectQuery =
  | { communityIds: readonly string[]; status?: ProjectStatus | null }
  | { partnerIds: readonly string[]; status?: ProjectStatus | null };

/** Projects (项目清单): asked by the community for a resource (inserted here) or claimed on a need (NeedRepo.claim). */
export interface ProjectRepo {
  /** Inserts the project unless its proposer wrote one with its clientRequestId: then that one. */
  insert(p: Project): Promise<{ project: Project; created: boolean }>;
  get(id: string): Promise<Project | null>;
  /** Versioned: the project, or null. Identity fields stay as inserted. */
  update(next: Project, version: number): Promise<Project | null>;
  /** Newest first; `total` counts every match. */
  list(q: ProjectQuery, limit: number, offset: number): Promise<{ projects: Project[]; total: number }>;
  /** Every project of a community created before `to` (figures for a year: the action counts by status and dates). */
  forCommunity(communityId: string, to: number): Promise<Project[]>;
}
