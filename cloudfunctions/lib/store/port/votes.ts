import type { Vote } from '../../../../src/core';

export type CastResult =
  /** Written: a first vote (`changed` false) or a household's changed vote (`changed` true, `changes` + 1). */
  | { ok: true; vote: Vote; changed: boolean }
  | { ok: false; reason: 'no_topic' }
  /** The topic is not open, has no vote, or `vote.at` is outside its voteOpensAt..voteClosesAt: nothing written. */
  | { ok: false; reason: 'closed' };

/**
 * Household votes on topics: one per topic and household (the id `<topicId>:<householdKey>`). Of any
 * number of votes a household sends at once, one document/row exists after, counted once; the last
 * write's option stands. The adapter checks, in the same atomic step, that the topic is open and
 * that `vote.at` lies in its voting time — so no vote lands after the close, whatever the action read.
 */
export interface VoteRepo {
  cast(v: Vote): Promise<CastResult>;
  /** The household's vote on the topic, or null. */
  ofHousehold(topicId: string, householdKey: string): Promise<Vote | null>;
  /** Votes per option id (only options with votes), and how many households voted. */
  tally(topicId: string): Promise<{ counts: Record<string, number>; voted: number }>;
  /** How many households voted on each topic. */
  votedCounts(topicIds: readonly string[]): Promise<Map<string, number>>;
  /** Votes a person cast last for their household, newest first (their own data). */
  castBy(personId: string): Promise<Vote[]>;
  /** A person who left: their votes stay counted for the household, cast by nobody named (`personId` becomes `by`). */
  reassign(personId: string, by: string): Promise<number>;
}
