import type { Code, CodeRefusal } from '../../../../src/core';

/** What taking a use answered: the code as it stands after the use, or why no use was taken. */
export type CodeUse = { ok: true; code: Code } | { ok: false; reason: CodeRefusal | 'not_found' };

export interface CodeRepo {
  /** A new code; its id is random, and a taken id throws (the caller draws another). */
  insert(code: Code): Promise<void>;
  get(id: string): Promise<Code | null>;
  /** The codes made on `unitId`, newest first, revoked ones too; only `purposes` when given. */
  listForUnit(unitId: string, opts?: { purposes?: readonly string[]; limit?: number }): Promise<Code[]>;
  /** A person's personal codes, newest first. */
  listForPerson(personId: string): Promise<Code[]>;
  /** Counts one scan (the landing page resolved it). */
  countScan(id: string): Promise<void>;
  /**
   * Takes one use, atomically: only if the code is not revoked, is within its validity window at
   * `at`, and is under its use limit. Of any number of concurrent uses, at most `useLimit` succeed.
   */
  use(id: string, at: number): Promise<CodeUse>;
  /** Gives one use back (its registration was rejected); never below zero. False if nothing was given back. */
  giveBack(id: string): Promise<boolean>;
  /** Revokes it once: the revoked code, or null if it was already revoked (or is not there). */
  revoke(id: string, at: number, by: string, reason: string): Promise<Code | null>;
  /** Records where its drawn image is kept, once: the first recorded wins and is returned. */
  setImage(id: string, image: string): Promise<string | null>;
}
