import type { Door } from './households';
import type { Unit, UnitKind } from './units';

export const ROLES = [
  'resident',
  'building_lead',
  'compound_secretary',
  'property_manager',
  'community_staff',
  'community_secretary',
  'street_officer',
  'member',
  'volunteer',
  'grid_lead',
  'steward',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  resident: '居民',
  building_lead: '楼栋长',
  compound_secretary: '小区党支部书记',
  property_manager: '物业',
  community_staff: '社区工作人员',
  community_secretary: '社区书记',
  street_officer: '街道工作人员',
  member: '党员',
  volunteer: '志愿者',
  grid_lead: '网格长（家长）',
  steward: '管家',
};

/** The unit kinds each role can be bound on. */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[]> = {
  resident: ['building'],
  building_lead: ['building'],
  compound_secretary: ['compound'],
  property_manager: ['compound'],
  community_staff: ['community'],
  community_secretary: ['community'],
  street_officer: ['street'],
  // 直管 members (whose party relationship is with the community) check in with the community itself.
  member: ['compound', 'grid', 'community'],
  volunteer: ['community', 'compound', 'grid'],
  // 党群小家: a grid's lead (家长, an approved member: grids.ts) and its property steward (管家).
  grid_lead: ['grid'],
  steward: ['grid'],
};

export interface Binding {
  id: string;
  personId: string;
  unitId: string;
  role: Role;
  createdAt: number;
  createdBy: string | null;
  /** A resident's door in the building (a household); null or absent when not known (an import, a role that has none). */
  door?: Door | null;
}

/** A binding with the unit it is on, as the permission check needs it. */
export interface ScopedBinding {
  role: Role;
  unit: Pick<Unit, 'id' | 'path' | 'kind' | 'archived'>;
}

/** Everything a person may do; each action is checked against a unit's subtree. */
export const PERMISSIONS = [
  'unit.view', // see the unit and everything below it
  'unit.manage', // create, rename, move, archive units below it
  'person.view', // see people bound below it, with their phone numbers
  'person.manage', // add people and edit their details
  'role.bind', // bind and unbind roles below it (which roles: BINDABLE_ROLES)
  'report.view', // see every report below it, with the resident's name and phone
  'report.manage', // act on any report below it, whoever handles it (staff)
  'calendar.manage', // enter the street's holidays and swapped workdays (节假日、调休); everyone's deadlines count on them
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = ['unit.view', 'unit.manage', 'person.view', 'person.manage', 'role.bind', 'report.view', 'report.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  resident: ['unit.view'],
  member: ['unit.view'],
  volunteer: ['unit.view'],
  building_lead: ['unit.view', 'person.view', 'report.view'],
  property_manager: ['unit.view', 'person.view', 'report.view'],
  // Like a building's lead, over the grid's buildings: its households and its reports; they handle
  // nothing unless the access tables say so (access.ts).
  grid_lead: ['unit.view', 'person.view', 'report.view'],
  steward: ['unit.view', 'person.view', 'report.view'],
  compound_secretary: ['unit.view', 'person.view', 'role.bind', 'report.view'],
  community_staff: STAFF,
  community_secretary: STAFF,
  // The calendar is the street's: community staff read it and are warned when a year is missing, but do not enter it.
  street_officer: [...STAFF, 'calendar.manage'],
};

/** Roles a holder of `role` may grant or take away (within the subtree of the unit they hold it on). */
export const BINDABLE_ROLES: Record<Role, readonly Role[]> = {
  resident: [],
  member: [],
  volunteer: [],
  building_lead: [],
  property_manager: [],
  grid_lead: [],
  steward: [],
  // The branch chooses a grid's lead among its members; the steward comes from the property company, which staff deal with.
  compound_secretary: ['resident', 'building_lead', 'member', 'volunteer', 'grid_lead'],
  community_staff: ['resident', 'building_lead', 'compound_secretary', 'property_manager', 'member', 'volunteer', 'community_staff', 'grid_lead', 'steward'],
  community_secretary: [
    'resident',
    'building_lead',
    'compound_secretary',
    'property_manager',
    'member',
    'volunteer',
    'community_staff',
    'community_secretary',
    'grid_lead',
    'steward',
  ],
  street_officer: ROLES,
};

/** Roles that work from the web management page. Who handles, files or sees reports: access.ts. */
export const STAFF_ROLES: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** A role's permissions; none for a role the table does not name (a binding from newer data). */
const permissionsOf = (role: Role): readonly Permission[] => ROLE_PERMISSIONS[role] ?? [];

export interface Scope {
  /** Only units within these subtrees (inclusive). */
  strictlyBelow: boolean;
}

/**
 * The one permission function: may a person holding `bindings` do `permission` on `target`?
 * A binding grants its permissions over the subtree of its unit. With `strictlyBelow`, the
 * binding's own unit is excluded (nobody archives or moves the unit their own authority stands on).
 */
export function can(
  bindings: readonly ScopedBinding[],
  permission: Permission,
  target: Pick<Unit, 'path'>,
  opts: Partial<Scope> = {},
): boolean {
  return bindings.some(
    (b) =>
      !b.unit.archived &&
      permissionsOf(b.role).includes(permission) &&
      target.path.startsWith(b.unit.path) &&
      !(opts.strictlyBelow && target.path === b.unit.path),
  );
}

/** May the caller grant (or remove) `role` on `target`? */
export function canBind(bindings: readonly ScopedBinding[], role: Role, target: Pick<Unit, 'path'>): boolean {
  return bindings.some(
    (b) =>
      !b.unit.archived &&
      permissionsOf(b.role).includes('role.bind') &&
      (BINDABLE_ROLES[b.role] ?? []).includes(role) &&
      target.path.startsWith(b.unit.path),
  );
}

/** The top-most units a person's bindings give `permission` over (no unit listed twice or under another). */
export function scopeRoots(bindings: readonly ScopedBinding[], permission: Permission): ScopedBinding['unit'][] {
  const units = bindings.filter((b) => !b.unit.archived && permissionsOf(b.role).includes(permission)).map((b) => b.unit);
  return units
    .filter((u, i) => units.findIndex((v) => v.id === u.id) === i)
    .filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

export function isStaff(bindings: readonly ScopedBinding[]): boolean {
  return bindings.some((b) => !b.unit.archived && STAFF_ROLES.includes(b.role));
}
