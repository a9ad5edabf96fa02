import type { Migration } from './migration';

export const v25: Migration = {
  version: 25,
  name: 'property companies (物业公司) and the property assessment (物业测评): survey answers and monthly assessments',
  // (v24 is left to the #28 helper's work in flight; versions are applied as a set, in list order.)
  // A compound is served by one company: property_compounds' primary key is the compound, written in
  // the company's transaction (sqlite/property-companies.ts). A survey answer's id is
  // <compoundId>:<month>:<householdKey>, its primary key: INSERT OR IGNORE writes one of any number
  // of racing answers of one household. An assessment's id is <compoundId>:<month>; its figures,
  // survey summary and result are one JSON document (read whole, never queried inside).
  sql: `
    CREATE TABLE property_companies (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      name TEXT NOT NULL,
      contact_phone TEXT,
      compound_ids TEXT NOT NULL,
      archived INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL
    );
    CREATE INDEX property_companies_community ON property_companies(community_id, name);
    CREATE TABLE property_compounds (
      compound_id TEXT PRIMARY KEY,
      company_id TEXT NOT NULL
    );
    CREATE INDEX property_compounds_company ON property_compounds(company_id);
    CREATE TABLE survey_answers (
      id TEXT PRIMARY KEY,
      compound_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      month TEXT NOT NULL,
      household_key TEXT NOT NULL,
      building_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      answers TEXT NOT NULL,
      comment TEXT,
      at INTEGER NOT NULL
    );
    -- A compound's month (the summary, the comments).
    CREATE INDEX survey_answers_compound_month ON survey_answers(compound_id, month, at);
    CREATE TABLE assessments (
      id TEXT PRIMARY KEY,
      compound_id TEXT NOT NULL,
      compound_path TEXT NOT NULL,
      community_id TEXT NOT NULL,
      month TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
      version INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    -- The month's review of a community, and a compound's history (newest month first).
    CREATE INDEX assessments_community_month ON assessments(community_id, month, compound_path);
    CREATE INDEX assessments_compound_month ON assessments(compound_id, month DESC);
  `,
};
