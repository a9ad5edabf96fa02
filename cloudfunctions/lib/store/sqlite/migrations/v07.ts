import type { Migration } from './migration';

export const v07: Migration = {
  version: 7,
  name: 'people: the unit that created them',
  // A person bound nowhere is found only from the unit whose staff created them and the units
  // above it. People recorded before get the unit their 'people.create' audit entry was scoped
  // to (the last id of its path: the unit may have moved since), else the top staff unit of
  // whoever created them (entries from before audit entries had a unit); with neither they stay
  // NULL: of unknown origin, found from the street only.
  sql: `
    ALTER TABLE people ADD COLUMN created_in_unit_id TEXT REFERENCES units(id);
    UPDATE people SET created_in_unit_id = (
      SELECT u.id FROM audit a JOIN units u ON substr(a.unit_path, length(a.unit_path) - length(u.id) - 1) = '/' || u.id || '/'
      WHERE a.action = 'people.create' AND a.target_id = people.id
      ORDER BY a.at, a.id LIMIT 1
    );
    UPDATE people SET created_in_unit_id = (
      SELECT u.id FROM audit a JOIN bindings b ON b.person_id = a.actor_id JOIN units u ON u.id = b.unit_id
      WHERE a.action = 'people.create' AND a.target_id = people.id
        AND b.role IN ('community_staff', 'community_secretary', 'street_officer')
      ORDER BY length(u.path), u.id LIMIT 1
    )
    WHERE created_in_unit_id IS NULL;
  `,
};
