import {
  CALLS_BACK,
  CHANNELS,
  DECIDES_EXTENSIONS_AT,
  DEFAULT_CATEGORIES,
  FILES_REPORTS,
  FOLLOWS_REPORTS,
  HANDLER_ROLES,
  HANDLES_AT,
  LEVELS,
  RECORDED_FOR,
  RECORDS_FOR_RESIDENTS,
  REPORT_READERS,
  RESIDENT_SHOWN,
  ROLES,
  ROLE_UNIT_KINDS,
  SEES_UNIT_REPORTS,
  UNIT_KINDS,
  WATCHES_URGENT_IN_BUILDING,
  callsBack,
  can,
  canBind,
  handlerRoles,
  handlesOn,
  isHandler,
  managesReportsIn,
  mayDecideExtension,
  mayFileReport,
  mayFollowReport,
  mayHandleReport,
  mayRecordFor,
  mayRecordForResident,
  mayViewReport,
  reportManageRoots,
  readerOf,
  reportViewRoots,
  residentShownTo,
  scopeRoots,
  seesOnItsUnit,
  urgentWatchRoots,
  viewsReportsIn,
  watchesReport,
  type Level,
  type Report,
  type Role,
  type ScopedBinding,
  type Unit,
  type UnitKind,
} from '../../src/core';
import { report, unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compound = unit(community, 'compound', '幸福里小区');
const grid = unit(compound, 'grid', '第1网格');
const building = unit(compound, 'building', '1号楼');
const otherCompound = unit(community, 'compound', '阳光花园');
const otherBuilding = unit(otherCompound, 'building', '1号楼');
const levelUnit: Record<Level, Unit> = { building, grid, compound, community, street };
const home: Record<UnitKind, Unit> = { street, community, compound, grid, building };

/** The grid's roles (网格长, 管家): they see their grid, and handle its level where a community made the grid a level. */
const GRID_ROLES: Role[] = ['grid_lead', 'steward'];
const EVERY_ROLE: Role[] = [...ROLES];
const gridBuilding = unit(grid, 'building', '7号楼');

/** Where each role is bound in these tests: the first kind of unit it can be bound on. */
const homeOf = (role: Role): Unit => home[ROLE_UNIT_KINDS[role][0]];
const as = (role: Role, u = homeOf(role)): ScopedBinding[] => [{ role, unit: u }];

const ME = 'per_me';
/** An open noise report on the building, filed by someone else, at `level` with nobody of ours handling it. */
function reportAt(level: Level, extra: Partial<Report> = {}): Report {
  return { ...report(building).report, level, levelUnitId: levelUnit[level].id, handlerId: 'per_someone', ...extra };
}
const withExtension = (deciderLevel: Level): Report => ({
  ...reportAt('building'),
  extension: { requestedBy: 'per_someone', requestedAt: 0, days: 2, reason: '等配件', deciderLevel },
});
const chainUnit = (kind: Level) => levelUnit[kind];

/** Every question the access rules answer, asked of one binding of `role` on its home unit. */
const QUESTIONS: Record<string, (role: Role) => boolean> = {
  'handles a building-level report': (role) => mayHandleReport(ME, as(role), reportAt('building')),
  'handles a grid-level report': (role) => mayHandleReport(ME, as(role), reportAt('grid')),
  'handles a compound-level report': (role) => mayHandleReport(ME, as(role), reportAt('compound')),
  'handles a community-level report': (role) => mayHandleReport(ME, as(role), reportAt('community')),
  'handles a street-level report': (role) => mayHandleReport(ME, as(role), reportAt('street')),
  'decides a building extension': (role) => mayDecideExtension(as(role), withExtension('compound'), chainUnit('compound')),
  'decides a building extension at its grid': (role) => mayDecideExtension(as(role), withExtension('grid'), chainUnit('grid')),
  'decides a compound extension': (role) => mayDecideExtension(as(role), withExtension('community'), chainUnit('community')),
  'decides a community extension': (role) => mayDecideExtension(as(role), withExtension('street'), chainUnit('street')),
  'records from the group chat': (role) => mayRecordForResident(as(role), building, 'group_chat'),
  'records a visit': (role) => mayRecordForResident(as(role), building, 'visit'),
  'records a phone call': (role) => mayRecordForResident(as(role), building, 'phone'),
  'files on the building': (role) => mayFileReport(as(role), building),
  'files on the compound': (role) => mayFileReport(as(role), compound),
  'follows a report on its unit': (role) => mayFollowReport(as(role), { unitId: homeOf(role).id }),
  'sees open reports on its unit': (role) => seesOnItsUnit(as(role), { unitId: homeOf(role).id }),
  'sees every report below': (role) => viewsReportsIn(as(role), building),
  'manages every report below': (role) => managesReportsIn(as(role), building),
  'reads a neighbour’s report': (role) => mayViewReport(ME, as(role), reportAt('building')),
  'reads who filed a neighbour’s report': (role) => residentShownTo(ME, as(role), reportAt('building')).identity,
  'reads who filed an anonymous report': (role) => residentShownTo(ME, as(role), reportAt('building', { anonymous: true })).identity,
  'reads what the resident added': (role) => residentShownTo(ME, as(role), reportAt('building', { anonymous: true })).additions,
  'is told of follow-ups': (role) => callsBack(role),
  'is a handler': (role) => isHandler(as(role)),
  'watches an urgent report in its building': (role) => watchesReport(as(role), reportAt('compound', { urgent: true })),
};
type Question = keyof typeof QUESTIONS;

/** Who reads the resident behind a report in the subtree they see: everyone who sees its unit's reports. */
const SEES_RESIDENT: Question[] = ['reads who filed a neighbour’s report', 'reads who filed an anonymous report', 'reads what the resident added'];

const STAFF_YES: Question[] = [
  'handles a building-level report',
  'handles a grid-level report',
  'handles a compound-level report',
  'handles a community-level report',
  'handles a street-level report',
  'decides a building extension',
  'decides a building extension at its grid',
  'decides a compound extension',
  'decides a community extension',
  'records from the group chat',
  'records a visit',
  'records a phone call',
  'sees every report below',
  'manages every report below',
  'reads a neighbour’s report',
  ...SEES_RESIDENT,
  'is a handler',
];

/** The answer "yes", per role; every other question is "no". */
const YES: Record<string, Question[]> = {
  resident: ['files on the building', 'files on the compound', 'follows a report on its unit', 'sees open reports on its unit'],
  building_lead: [
    'watches an urgent report in its building',
    'handles a building-level report',
    'records from the group chat',
    'sees open reports on its unit',
    'sees every report below',
    'reads a neighbour’s report',
    ...SEES_RESIDENT,
    'is a handler',
  ],
  compound_secretary: [
    'handles a compound-level report',
    'decides a building extension',
    'records from the group chat',
    'records a visit',
    'records a phone call',
    'sees open reports on its unit',
    'sees every report below',
    'reads a neighbour’s report',
    ...SEES_RESIDENT,
    'is a handler',
  ],
  property_manager: [
    'handles a compound-level report',
    'decides a building extension',
    'records from the group chat',
    'sees open reports on its unit',
    'sees every report below',
    'reads a neighbour’s report',
    ...SEES_RESIDENT,
    'is a handler',
  ],
  community_staff: [...STAFF_YES, 'is told of follow-ups'],
  community_secretary: [...STAFF_YES, 'is told of follow-ups'],
  street_officer: STAFF_YES,
  member: ['sees open reports on its unit'],
  volunteer: ['sees open reports on its unit'],
  // Their grid's reports are seen through 'report.view' on the grid, which the building of these questions is not under.
  grid_lead: ['handles a grid-level report', 'decides a building extension at its grid', 'is a handler'],
  steward: ['handles a grid-level report', 'decides a building extension at its grid', 'is a handler'],
};

describe('report access', () => {
  describe('every role × every question', () => {
    const cases = EVERY_ROLE.flatMap((role) => Object.keys(QUESTIONS).map((q) => [role, q, YES[role].includes(q)] as const));
    it.each(cases)('%s: %s → %s', (role, question, expected) => {
      expect(QUESTIONS[question](role)).toBe(expected);
    });

    it('has an answer list for every role of ROLES', () => {
      for (const role of ROLES) expect(YES[role]).toBeDefined();
    });
  });

  describe('the grid’s roles', () => {
    it.each(GRID_ROLES)('%s, bound on a grid, handles the grid level on that grid only and binds nobody', (role) => {
      expect(HANDLER_ROLES).toContain(role);
      expect(ROLE_UNIT_KINDS[role]).toEqual(['grid']);
      for (const kind of UNIT_KINDS) expect(handlesOn(role, kind)).toBe(kind === 'grid');
      const b = as(role);
      const otherGrid = unit(compound, 'grid', '第2网格');
      expect(mayHandleReport(ME, b, { ...reportAt('grid'), unitPath: gridBuilding.path, levelUnitId: grid.id })).toBe(true);
      expect(mayHandleReport(ME, b, { ...reportAt('grid'), levelUnitId: otherGrid.id })).toBe(false);
      for (const u of [...Object.values(home), gridBuilding]) {
        if (u.id !== grid.id) expect(mayHandleReport(ME, b, { ...reportAt('building'), levelUnitId: u.id })).toBe(false);
        expect(canBind(b, 'resident', u)).toBe(false);
        expect(managesReportsIn(b, u)).toBe(false);
      }
      expect(mayFileReport(b, gridBuilding)).toBe(false);
      expect(mayFollowReport(b, { unitId: gridBuilding.id })).toBe(false);
      expect(mayRecordForResident(b, gridBuilding)).toBe(false);
    });

    it.each(GRID_ROLES)('%s sees the grid’s buildings, their people and reports, and nothing outside the grid', (role) => {
      const b = as(role);
      for (const permission of ['unit.view', 'person.view', 'report.view'] as const) {
        expect(can(b, permission, gridBuilding)).toBe(true);
        expect(can(b, permission, building)).toBe(false);
        expect(can(b, permission, compound)).toBe(false);
      }
      expect(reportViewRoots(b).map((u) => u.id)).toEqual([grid.id]);
      expect(viewsReportsIn(b, building)).toBe(false);
    });
  });

  describe('the tables', () => {
    const kindCases = EVERY_ROLE.flatMap((role) => UNIT_KINDS.map((kind) => [role, kind] as const));
    it.each(kindCases)('%s handles on a %s only as HANDLES_AT says', (role, kind) => {
      const expected =
        (role === 'building_lead' && kind === 'building') ||
        ((role === 'grid_lead' || role === 'steward') && kind === 'grid') ||
        ((role === 'compound_secretary' || role === 'property_manager') && kind === 'compound') ||
        ((role === 'community_staff' || role === 'community_secretary') && kind === 'community') ||
        (role === 'street_officer' && kind === 'street');
      expect(handlesOn(role, kind)).toBe(expected);
    });

    it('names handler roles only where those roles can be bound', () => {
      for (const level of LEVELS) {
        for (const role of HANDLES_AT[level]) expect(ROLE_UNIT_KINDS[role]).toContain(level);
        for (const role of DECIDES_EXTENSIONS_AT[level]) expect(ROLE_UNIT_KINDS[role]).toContain(level);
      }
    });

    it('lets routing pick only people who may then handle the report', () => {
      for (const level of LEVELS) for (const category of DEFAULT_CATEGORIES) for (const role of handlerRoles(level, category)) expect(HANDLES_AT[level]).toContain(role);
    });

    it('has nobody decide at the building: there is no level below it', () => {
      expect(DECIDES_EXTENSIONS_AT.building).toEqual([]);
    });

    it('gives a recording channel to every channel but the resident’s own', () => {
      expect(Object.keys(RECORDS_FOR_RESIDENTS).sort()).toEqual(CHANNELS.filter((c) => c !== 'resident').sort());
    });

    it('names only known roles', () => {
      const named = [
        ...Object.values(HANDLES_AT).flat(),
        ...Object.values(DECIDES_EXTENSIONS_AT).flat(),
        ...Object.values(RECORDS_FOR_RESIDENTS).flat(),
        ...FILES_REPORTS,
        ...FOLLOWS_REPORTS,
        ...SEES_UNIT_REPORTS,
        ...CALLS_BACK,
        ...WATCHES_URGENT_IN_BUILDING,
        ...RECORDED_FOR,
        ...HANDLER_ROLES,
      ];
      for (const role of named) expect(ROLES).toContain(role);
    });
  });

  describe('beyond roles', () => {
    it('lets the current handler act whatever their bindings, and nobody act on a closed report', () => {
      expect(mayHandleReport(ME, [], reportAt('compound', { handlerId: ME }))).toBe(true);
      expect(mayHandleReport(ME, [], reportAt('building', { handlerId: ME, status: 'resolved' }))).toBe(true);
      expect(mayHandleReport(ME, as('street_officer'), reportAt('building', { handlerId: ME, status: 'closed' }))).toBe(false);
    });

    it('counts no handling binding on an archived unit', () => {
      expect(mayHandleReport(ME, as('building_lead', { ...building, archived: true }), reportAt('building'))).toBe(false);
      expect(isHandler(as('building_lead', { ...building, archived: true }))).toBe(false);
    });

    it('keeps a handler to their own unit: the next building’s lead handles nothing here', () => {
      expect(mayHandleReport(ME, as('building_lead', otherBuilding), reportAt('building'))).toBe(false);
      expect(mayRecordForResident(as('building_lead', otherBuilding), building, 'group_chat')).toBe(false);
      expect(viewsReportsIn(as('compound_secretary', otherCompound), building)).toBe(false);
    });

    it('decides nothing when no extension is pending, and only on the decider unit', () => {
      expect(mayDecideExtension(as('compound_secretary'), reportAt('building'), compound)).toBe(false);
      expect(mayDecideExtension(as('compound_secretary', otherCompound), withExtension('compound'), compound)).toBe(false);
      expect(mayDecideExtension(as('compound_secretary'), withExtension('compound'), undefined)).toBe(false);
    });

    it('shows a person their own reports and the ones they follow, bound or not', () => {
      expect(mayViewReport(ME, [], reportAt('building', { residentId: ME }))).toBe(true);
      expect(mayViewReport(ME, [], reportAt('building', { createdBy: ME, residentId: null }))).toBe(true);
      expect(mayViewReport(ME, [], reportAt('building', { followers: [ME] }))).toBe(true);
      expect(mayViewReport(ME, [], reportAt('building'))).toBe(false);
    });

    it('has a building’s lead watch its urgent reports only: not others, not the compound’s common areas, not from an archived building', () => {
      const urgent = reportAt('compound', { urgent: true });
      expect(watchesReport(as('building_lead'), urgent)).toBe(true);
      expect(watchesReport(as('building_lead'), { ...urgent, urgent: false })).toBe(false);
      expect(watchesReport(as('building_lead', otherBuilding), urgent)).toBe(false);
      expect(watchesReport(as('building_lead'), { ...urgent, unitPath: compound.path })).toBe(false);
      expect(watchesReport(as('building_lead', { ...building, archived: true }), urgent)).toBe(false);
      expect(urgentWatchRoots([...as('building_lead'), ...as('building_lead'), ...as('resident')]).map((u) => u.id)).toEqual([building.id]);
      // A watcher reads it as its handlers do, and handles nothing.
      const watcherOnly = [{ role: 'building_lead' as Role, unit: building }];
      expect(mayViewReport(ME, watcherOnly, urgent)).toBe(true);
      expect(readerOf(ME, watcherOnly, urgent)).toBe('handler');
      expect(mayHandleReport(ME, watcherOnly, urgent)).toBe(false);
    });

    it('lets a resident file on their own building and its compound, never on the next compound', () => {
      expect(mayFileReport(as('resident', otherBuilding), building)).toBe(false);
      expect(mayFileReport(as('resident', otherBuilding), compound)).toBe(false);
      expect(mayFileReport(as('resident', { ...building, archived: true }), building)).toBe(false);
    });

    it('shows the resident behind a report to them, to whoever filed it for them and to its handler, and to no follower', () => {
      for (const anonymous of [false, true]) {
        const own = reportAt('building', { residentId: ME, createdBy: 'per_lead', anonymous });
        expect(residentShownTo(ME, [], own)).toEqual({ identity: true, additions: true });
        expect(residentShownTo(ME, [], reportAt('building', { createdBy: ME, residentId: 'per_other', anonymous }))).toEqual({ identity: true, additions: true });
        expect(residentShownTo(ME, [], reportAt('building', { handlerId: ME, anonymous }))).toEqual({ identity: true, additions: true });
        // A neighbour following it, bound on the same building: never the name, nor what the resident added.
        const followed = reportAt('building', { followers: [ME], anonymous });
        expect(readerOf(ME, as('resident'), followed)).toBe('neighbour');
        expect(residentShownTo(ME, as('resident'), followed)).toEqual({ identity: false, additions: false });
        // A lead of the next building following it (they live here too) is a neighbour here.
        expect(residentShownTo(ME, as('building_lead', otherBuilding), followed)).toEqual({ identity: false, additions: false });
      }
    });

    it('has a row for every reader, and shows a neighbour nothing of the resident, named or anonymous', () => {
      expect(Object.keys(RESIDENT_SHOWN).sort()).toEqual([...REPORT_READERS].sort());
      expect(RESIDENT_SHOWN.neighbour).toEqual({ named: { identity: false, additions: false }, anonymous: { identity: false, additions: false } });
    });

    it('records for a named resident only if they live inside the recorder’s unit', () => {
      const livesHere = as('resident');
      const livesNextDoor = as('resident', otherBuilding);
      expect(mayRecordFor(as('building_lead'), building, 'group_chat', livesHere)).toBe(true);
      expect(mayRecordFor(as('building_lead'), building, 'group_chat', livesNextDoor)).toBe(false);
      expect(mayRecordFor(as('compound_secretary'), building, 'visit', livesNextDoor)).toBe(false);
      expect(mayRecordFor(as('community_staff'), building, 'phone', livesNextDoor)).toBe(true);
      // Bound here in another role, or on an archived building, or nowhere: no resident to record for.
      expect(mayRecordFor(as('community_staff'), building, 'phone', as('building_lead'))).toBe(false);
      expect(mayRecordFor(as('community_staff'), building, 'phone', as('resident', { ...building, archived: true }))).toBe(false);
      expect(mayRecordFor(as('community_staff'), building, 'phone', [])).toBe(false);
      // The channel still decides who records.
      expect(mayRecordFor(as('building_lead'), building, 'visit', livesHere)).toBe(false);
    });

    it('records by any channel when none is named, if by one', () => {
      expect(mayRecordForResident(as('building_lead'), building)).toBe(true);
      expect(mayRecordForResident(as('resident'), building)).toBe(false);
    });
  });
});
