/**
 * Notice fan-outs (an outbox): one notice for many people, stored by the action that caused it and
 * sent by the timer (jobs/notice-fanouts.ts) a chunk at a time, because telling a community's
 * thousands of residents inside the action would pass the function's timeout and leave people
 * untold. The action stores what to say and whom to tell; the timer keeps a cursor (`next`).
 *
 * One run at a time works a fan-out: `claim` leases it, and every `advance` is conditional on the
 * version the run holds, so a run whose lease passed (and was claimed by another) can no longer
 * move the cursor and stops. A run that dies between sending a chunk and advancing leaves that
 * chunk to be sent again by the next claimer: at most one chunk is told twice, never anyone skipped.
 */
export interface NoticeFanout {
  /** From its cause, e.g. `topic.opened:<topicId>`: a retried action enqueues it once. */
  id: string;
  /** The notice's parts, the same for everyone (see ports/notifier.ts Notice). */
  kind: string;
  title: string;
  body: string;
  page: string | null;
  fields: Record<string, string | number>;
  /** Whom to tell, in the order they are told. */
  personIds: string[];
  /** How many of personIds have been told (the cursor). */
  next: number;
  /** A run holds it until then (ms, the domain clock); 0 when no run does. */
  claimedUntil: number;
  /** Moves with every claim and advance. */
  version: number;
  createdAt: number;
  /** When its last person was told. */
  doneAt: number | null;
}

/** What is left to send, for the management page's figures. */
export interface NoticeFanoutBacklog {
  /** Fan-outs not done. */
  fanouts: number;
  /** People not yet told across them. */
  people: number;
  /** The oldest one's createdAt: how long notices have waited. */
  oldestAt: number | null;
}

export interface NoticeFanoutRepo {
  /**
   * Stores a fan-out (its next, claimedUntil, version and doneAt as given: 0, 0, 1, null) unless
   * one with its id exists: of any number of racing enqueues of an id, one writes. The fan-out as
   * stored, and whether this call wrote it.
   */
  enqueue(f: NoticeFanout): Promise<{ fanout: NoticeFanout; created: boolean }>;
  get(id: string): Promise<NoticeFanout | null>;
  /**
   * Leases the oldest fan-out not done whose lease has passed at `now` until `until`; of runs
   * claiming at once, one gets each fan-out. The fan-out as leased (its version moved), or null.
   */
  claim(now: number, until: number): Promise<NoticeFanout | null>;
  /**
   * Moves the cursor of the fan-out `held` (as claim or the last advance answered) to `next`, if
   * it is still at held's version: after the last person it is done (and let go), otherwise it is
   * held until `until`, or let go when `until` is null. The fan-out now; null when it moved
   * meanwhile (another run claimed it after the lease passed): nothing is written.
   */
  advance(held: NoticeFanout, next: number, at: number, until: number | null): Promise<NoticeFanout | null>;
  /** What is left to send. */
  backlog(): Promise<NoticeFanoutBacklog>;
  /** Removes the fan-outs done before `before` (who was told is not kept longer than needed); how many. */
  purgeDone(before: number): Promise<number>;
}
