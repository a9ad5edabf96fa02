import type { Consent, Person } from '../../../../src/core';

export interface PersonRepo {
  get(id: string): Promise<Person | null>;
  getMany(ids: readonly string[]): Promise<Person[]>;
  findByUsername(username: string): Promise<Person | null>;
  findByOpenid(openid: string): Promise<Person | null>;
  /**
   * People whose name, phone or username contains `q`: bound somewhere under `paths` (a binding on
   * an archived unit counts), or bound nowhere and created in a unit under `paths`, or, with
   * `unplaced`, bound nowhere and of unknown origin (createdInUnitId null).
   */
  search(q: string, paths: readonly string[], limit: number, opts?: { unplaced?: boolean }): Promise<Person[]>;
  /** Inserts the person and their password hash. Fails with DomainError on a taken username/openid. */
  insert(person: Person, passwordHash: string | null): Promise<void>;
  passwordHash(id: string): Promise<string | null>;
  /** Replaces the person's password hash: the person after, or null if there is no such person. */
  setPasswordHash(id: string, hash: string, at: number): Promise<Person | null>;
  /** Takes the WeChat user off the person (a phone changed hands): the person after, or null if they had none. */
  clearOpenid(id: string, at: number): Promise<Person | null>;
  /**
   * Corrects the person's name and/or phone (a person correcting their own, 我的信息): the person after,
   * or null when there is no such person or the stored version is not `version` (nothing written).
   */
  correct(id: string, version: number, change: { name?: string; phone?: string }, at: number): Promise<Person | null>;
  /**
   * Sets the fields of the person's consent given (the others as they were), in one write that
   * moves the version on: the person after, or null for no one. Not versioned: a switch says what
   * the person wants now, whatever it was.
   */
  setConsent(id: string, change: Consent, at: number): Promise<Person | null>;
  /**
   * A person leaves (注销): name "已注销居民" (core/leave.ts), no phone, sign-in name, WeChat user or
   * password, found by no search, in one write (their username and openid free again). The person
   * after; one who has left already is answered as they are; null for no one.
   */
  forget(id: string, at: number): Promise<Person | null>;
  listDemo(): Promise<Person[]>;
  count(): Promise<number>;
}
