import type { CompoundRules } from '../../../../src/core';

/** A compound's rules (小区管理公约): versions 1, 2, … never rewritten; a new version only on the one read. */
export interface CompoundRulesRepo {
  /**
   * Writes `r` (version = expectedVersion + 1) if the compound's newest version is `expectedVersion`
   * (0: none yet). Of any number adopted at once on one version, one is written; the others get null.
   */
  adopt(r: CompoundRules, expectedVersion: number): Promise<CompoundRules | null>;
  /** The newest version, or null. */
  current(compoundId: string): Promise<CompoundRules | null>;
  /** Every version, newest first. */
  history(compoundId: string): Promise<CompoundRules[]>;
}
