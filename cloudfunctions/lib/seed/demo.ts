/**
 * Demo data for an empty database: the tree (./tree.ts), the people (./people.ts) and, when asked
 * for, a year of reports made by the real engine (./history/).
 */
import type { Deps } from '../deps';
import { seedCheckins } from './checkins';
import { seedGrids } from './grids';
import { seedHistory } from './history';
import { seedPairings } from './pairings';
import { seedPoints } from './points';
import { DEFAULT_RESIDENTS, seedHistoryStaff, seedPeople } from './people';
import { seedTree } from './tree';
import { seedWishes } from './wishes';
import { seedAssessments } from './assessments';
import { seedPartners } from './partners';
import { seedDeliberation } from './deliberation';

export { DEMO_PEOPLE, DEFAULT_RESIDENTS } from './people';
export { DEMO_GRID_PEOPLE } from './grids';

const DAY = 24 * 3600_000;
/** How far back the history goes. */
export const HISTORY_DAYS = 365;

export interface SeedOptions {
  /** How many residents to spread over the buildings (each bound as resident of one building). */
  residents: number;
  /**
   * Reports filed over the past year and handled through the real use-cases, with the sweep run
   * on a clock that moves through that year: every state they end in is one the product reaches.
   * Default none.
   */
  reports?: number;
  /** The history's seed: the same seed on the same clock gives the same history. */
  seed?: number;
}

/** Seeds an empty database; does nothing (returns false) if there is already any unit. */
export async function seedDemo(deps: Deps, opts: SeedOptions = { residents: DEFAULT_RESIDENTS }): Promise<boolean> {
  if ((await deps.store.units.listRoots()).length > 0) return false;
  const now = deps.clock.now();
  // With a history, the community existed (and its people were bound) before its first report.
  const at = opts.reports ? now - (HISTORY_DAYS + 30) * DAY : now;
  const tree = await seedTree(deps, at);
  let people = await seedPeople(deps, tree, opts.residents, at);
  if (opts.reports) {
    people = await seedHistoryStaff(deps, tree, people, at);
    await seedHistory(deps, tree, people, { reports: opts.reports, days: HISTORY_DAYS, seed: opts.seed ?? 20261123 });
    // The full demo (`npm start`) has party members checked in too; tests that ask for no history start without.
    await seedCheckins(deps, tree, people, now);
    // 和平新村's grids with households, a lead and a steward (demo logins), and members paired with households.
    const grid = await seedGrids(deps, tree, people, now);
    await seedPairings(deps, tree, people, grid, now);
    // Points: the rules, a stocked shop, confirmed service and visits on the ledger, a filled board.
    await seedPoints(deps, tree, people, now);
    // Micro-wishes in every state, the confirmed one's points on the demo member's ledger.
    await seedWishes(deps, tree, people, grid, now);
    // 物业测评: the property companies, last month's survey and its published flags.
    await seedAssessments(deps, tree, people, now);
    // 共建单位: three partners with resources, needs in each state, projects and this month's visits.
    await seedPartners(deps, tree, people, now);
    // 议事协商: a topic voting now, one decided at 逢三说事 that changed the 公约, a building's open question.
    await seedDeliberation(deps, tree, people, now);
  }
  await deps.store.meta.setIfAbsent('demo_seeded_at', String(now));
  return true;
}
