import type { PropertyCompany } from '../../../../src/core';

export type CompanyWriteResult =
  | { ok: true; company: PropertyCompany }
  /** Another live company serves this compound: nothing written. */
  | { ok: false; reason: 'compound_taken'; compoundId: string; companyId: string }
  /** (update) The stored company is not at the version the caller read, or is gone: nothing written. */
  | { ok: false; reason: 'conflict' };

/**
 * Property companies (物业公司). A compound is served by one live company at a time: the store
 * holds each served compound's claim and writes it in the same atomic step as the company, so of
 * two companies saved at once with the same compound one gets it and the other is refused.
 */
export interface PropertyCompanyRepo {
  /** Inserts the company and claims its compounds. */
  insert(c: PropertyCompany): Promise<CompanyWriteResult>;
  get(id: string): Promise<PropertyCompany | null>;
  /**
   * Writes `next` (next.version is version + 1) if the stored company is at `version`, claiming the
   * compounds it now serves and freeing those it no longer does (an archived company serves none).
   */
  update(next: PropertyCompany, version: number): Promise<CompanyWriteResult>;
  /** A community's companies, live and archived, by name. */
  listForCommunity(communityId: string): Promise<PropertyCompany[]>;
  /** The live company serving the compound, or null. */
  forCompound(compoundId: string): Promise<PropertyCompany | null>;
}
