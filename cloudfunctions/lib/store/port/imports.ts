import type { Binding, Person, Unit } from '../../../../src/core';

/** What one import writes: all of it or nothing. */
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
