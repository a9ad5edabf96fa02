import type { Binding, Person, Unit } from '../../../../src/core';

/**
 * A batch written at once: the demo seed's residents. The management page's imports are jobs
 * (import-jobs.ts), which a run killed halfway cannot leave half written.
 */
export interface ImportBatch {
  id: string;
  /** Parents before children. */
  units: Unit[];
  people: Person[];
  bindings: Binding[];
}

export interface ImportRepo {
  /**
   * Writes the whole batch or nothing (a failure on any row undoes the rows before it); throws
   * DomainError (UNIT.NAME_TAKEN, …) when a row is refused.
   */
  commit(batch: ImportBatch): Promise<void>;
  /** People with these phone numbers (the import matches residents by phone). */
  findByPhones(phones: readonly string[]): Promise<Person[]>;
}
