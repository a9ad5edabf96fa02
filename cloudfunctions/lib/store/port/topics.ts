import type { Opinion, Topic, TopicStatus } from '../../../../src/core';

/** Which topics: for any of some units (a resident's building, compound, community), or under a path (staff). */
export type TopicQuery =
  | { unitIds: readonly string[]; statuses?: readonly TopicStatus[] }
  | { underPath: string; statuses?: readonly TopicStatus[] };

/**
 * Topics (议题) and their opinions (意见). A topic changes only at the version its writer read; an
 * opinion is written once (a retried say is one opinion) and only its `hidden` changes.
 */
export interface TopicRepo {
  /** Inserts the topic unless its opener wrote one with its clientRequestId: then that one, and nothing written. */
  insert(t: Topic): Promise<{ topic: Topic; created: boolean }>;
  get(id: string): Promise<Topic | null>;
  /** Writes `next` whole if the stored topic is still at `version` (next.version is version + 1); the topic, or null. Identity fields stay as inserted. */
  update(next: Topic, version: number): Promise<Topic | null>;
  /** Topics newest first (ties by id, descending); `total` counts every match. */
  list(q: TopicQuery, limit: number, offset: number): Promise<{ topics: Topic[]; total: number }>;
  /**
   * Open topics under `path` that wait for a decision at `before`: their vote closed before it, or (an open
   * question) their opinions' time ended before it. Oldest closing first; the 逢三说事 agenda's list.
   */
  awaitingDecision(path: string, before: number, limit: number): Promise<Topic[]>;
  /** Decided topics for any of `unitIds` (a compound and its buildings), newest decision first: the public page. */
  decided(unitIds: readonly string[], limit: number): Promise<Topic[]>;
  /** Topics opened from a report. */
  forReport(reportId: string): Promise<Topic[]>;

  /** Inserts the opinion unless its author wrote one with its clientRequestId on the topic: then that one. */
  say(o: Opinion): Promise<{ opinion: Opinion; created: boolean }>;
  getOpinion(id: string): Promise<Opinion | null>;
  /** Sets or clears an opinion's `hidden`; the opinion, or null when there is none. */
  setHidden(id: string, hidden: Opinion['hidden']): Promise<Opinion | null>;
  /** A topic's opinions, oldest first; hidden ones included (the action decides who sees them). */
  opinions(topicId: string): Promise<Opinion[]>;
  /** How many opinions each topic has that are not hidden. */
  opinionCounts(topicIds: readonly string[]): Promise<Map<string, number>>;
  /** A person's opinions, newest first (their own data; leave). */
  opinionsBy(personId: string): Promise<Opinion[]>;
  /** Replaces the text of every opinion of a person who left (注销) with `text`; how many. */
  scrubOpinionsBy(personId: string, text: string): Promise<number>;
}
