import type { Migration } from './migration';

export const v22: Migration = {
  version: 22,
  name: "people: consent (their name on the points board, their reports' photos shown to others)",
  // NULL is the default (core/people.ts CONSENT_DEFAULTS): people made before it, and those who never
  // touched a switch, read as not on the board and with photos shown. 1 or 0 once they chose.
  sql: `
    ALTER TABLE people ADD COLUMN consent_board INTEGER;
    ALTER TABLE people ADD COLUMN consent_photos INTEGER;
  `,
};
