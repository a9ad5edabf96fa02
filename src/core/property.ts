/**
 * Property companies (物业公司): an organisation with a name that serves one or more compounds of a
 * community. Its people are the `property_manager` bindings on those compounds (roles.ts): the
 * company is who is assessed each month (assessment.ts), the bindings are who handles reports.
 *
 * A compound is served by one company at a time: saving a company with a compound another company
 * serves is refused (PROPERTY.COMPOUND_TAKEN), so a month's assessment names one company.
 */

export interface PropertyCompany {
  id: string;
  communityId: string;
  /** "幸福里物业服务有限公司" */
  name: string;
  /** The company's office phone (for the notice board); null when not given. */
  contactPhone: string | null;
  /** The compounds it serves now (ids of compound units of the community). */
  compoundIds: string[];
  /** Archived companies serve nothing and stay for the history of their assessments. */
  archived: boolean;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  version: number;
}

/** A company's name is at most this long; it serves at most this many compounds. */
export const COMPANY_NAME_MAX = 40;
export const COMPANY_COMPOUNDS_MAX = 50;

/** The role whose holders on a compound are its company's people (the reports they handle are assessed). */
export const PROPERTY_ROLE = 'property_manager' as const;
