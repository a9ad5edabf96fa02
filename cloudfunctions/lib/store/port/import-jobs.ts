import type { Binding, ImportJobState, ImportKind, ImportRowError, Person, Unit } from '../../../../src/core';

/**
 * An import as a job: its planned rows staged with it in chunks of bounded size, each chunk
 * checked again against the tree as it is now (checking), then written (publishing). A run does
 * a few steps within its time and saves its progress after each, so a run killed halfway loses
 * nothing and the next one (the page's next call, or the timer) carries on.
 *
 * Nothing a job writes is seen before publishing: while checking it writes only what reserves
 * its new units' names, which no reader sees; a bad row found then rolls the whole job back and
 * nothing is left. Publishing cannot be refused by a row (names are held, every write is keyed by
 * its id and skipped when already there), so it only ever goes forward, however often it is
 * resumed. How each engine makes a publish visible: see its adapter.
 */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  /** The unit the import was made under (people it creates are created there). */
  unitId: string;
  createdBy: string;
  fileName: string;
  /** The uploaded file (ImportFiles), forgotten when the job is over. */
  fileRef: string;
  /** Data rows in the file. */
  rows: number;
  chunks: number;
  state: ImportJobState;
  /** Chunks through the current state's work: checked while checking, written while publishing. */
  done: number;
  /** What the job writes. */
  counts: { units: number; people: number; bindings: number };
  /** Why it was rolled back. */
  failure: ImportRowError | null;
  /** Runs that stopped on an unexpected error. */
  failures: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** Some consecutive rows of a job, checked and written together. */
export interface ImportChunk {
  /** New units with their row in the file, parents before children. */
  units: { row: number; unit: Unit }[];
  people: { row: number; person: Person }[];
  bindings: { row: number; binding: Binding }[];
  /** People the rows matched by phone and bind: still there, under the name the row gave, when the chunk is checked. */
  known: { row: number; personId: string; name: string }[];
}

/** Why a chunk's unit could not be written: another live unit under its parent holds its name. */
export interface NameTaken {
  row: number;
  unit: Unit;
}

export interface ImportJobRepo {
  /**
   * Saves a job in state 'checking' (its `state`, `done` and progress fields as given are ignored)
   * with its chunks. With an id already saved, saves nothing and answers the job saved (a retried
   * commit). A save that stops halfway leaves the job 'staging', which the runner rolls back.
   */
  create(job: ImportJob, chunks: readonly ImportChunk[]): Promise<ImportJob>;
  get(id: string): Promise<ImportJob | null>;
  /** Jobs not finished (staging, checking, publishing), least recently moved first. */
  listOpen(limit: number): Promise<ImportJob[]>;
  /** A staged chunk (0-based); null once the job is over (its chunks are removed). */
  chunk(id: string, index: number): Promise<ImportChunk | null>;
  /**
   * Takes the job for `owner` until `until` unless another owner holds it past `now`, so one run
   * at a time steps a job; the job as stored, or null when held by another or over.
   */
  claim(id: string, owner: string, until: number, now: number): Promise<ImportJob | null>;
  /** Lets go of a claim (if `owner` holds it). */
  release(id: string, owner: string): Promise<void>;
  /**
   * Holds the names of chunk `index`'s new units for the job until it is over, so no unit made
   * meanwhile takes one; the rows whose name a live unit (or another job) holds already. Safe to
   * repeat: names the job holds are kept.
   */
  reserve(id: string, index: number): Promise<NameTaken[]>;
  /**
   * Records chunk `index` as through the current state's work: while checking, `done` becomes
   * index + 1, and after the last chunk the job goes to publishing with `done` 0. Nothing changes
   * when the job is not in `state` at `index` (another run moved it). The job as stored after.
   */
  advance(id: string, state: 'checking', index: number, at: number): Promise<ImportJob | null>;
  /**
   * Writes chunk `index` (and, where the engine makes more visible at once, the chunks after it)
   * and records it written; after the last, the job is done and its chunks removed. Writing a
   * chunk again changes nothing. Refused only on SQLite, where names are not held before: the unit
   * whose name was taken meanwhile, with nothing written.
   */
  publish(id: string, index: number, at: number): Promise<{ ok: true; job: ImportJob } | { ok: false; taken: NameTaken }>;
  /**
   * Undoes a job that has written nothing yet: lets go of the names it holds, removes its chunks,
   * and records why. Safe to repeat. That is any job not yet publishing, and on SQLite (which writes
   * a job in one transaction) a job publishing too; a job partly written (CloudBase) or done is
   * answered as it is: it only goes forward.
   */
  rollback(id: string, failure: ImportRowError, at: number): Promise<ImportJob | null>;
  /** Counts a run that stopped on an unexpected error; the count now. */
  noteFailure(id: string, at: number): Promise<number>;
}
