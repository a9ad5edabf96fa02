import type { Speaker } from '../../../../src/core';

/** The fields staff change on a speaker. */
export type SpeakerFields = Pick<Speaker, 'name' | 'title' | 'field' | 'affiliation' | 'contact' | 'archived'>;

/** Each community's speaker pool (人才库). Lectures name a speaker by id; a speaker is archived, never deleted. */
export interface SpeakerRepo {
  insert(speaker: Speaker): Promise<void>;
  get(id: string): Promise<Speaker | null>;
  getMany(ids: readonly string[]): Promise<Speaker[]>;
  /** A community's speakers by name; archived ones only when asked. */
  listForCommunity(communityId: string, opts?: { includeArchived?: boolean }): Promise<Speaker[]>;
  /** Saves the fields if the speaker is at `version`: the speaker after, or null. */
  update(id: string, version: number, fields: SpeakerFields, at: number): Promise<Speaker | null>;
}
