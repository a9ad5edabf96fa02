import type { Migration } from './migration';

export const v11: Migration = {
  version: 11,
  name: 'a building’s WeChat group',
  // The group's openGId on its building; a group is on one unit at most (UnitRepo.setGroup), which
  // this index keeps: partial, so the many units without a group never collide.
  sql: `
    ALTER TABLE units ADD COLUMN group_id TEXT;
    CREATE UNIQUE INDEX units_group ON units(group_id) WHERE group_id IS NOT NULL;
  `,
};
