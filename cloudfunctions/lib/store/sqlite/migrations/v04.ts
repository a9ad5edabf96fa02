import type { Migration } from './migration';

export const v04: Migration = {
  version: 4,
  name: 'perf',
  sql: `
    -- Finding a report's handlers reads the handler roles on a few units, not every resident.
    CREATE INDEX bindings_unit_role ON bindings(unit_id, role);
  `,
};
