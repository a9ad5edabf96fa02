/**
 * What is filed over the history, when, where and by whom: more lately than a year ago, while
 * people are up, mostly by residents themselves, else recorded from the building's group chat
 * by its lead, or by community staff from a call or a visit.
 */
import { DEFAULT_CATEGORIES, type Category, type Channel, type Unit } from '../../../../src/core';
import type { DemoPeople } from '../people';
import { SURNAMES } from '../people';
import type { Rng } from '../rng';
import type { DemoTree } from '../tree';
import { compoundOf } from '../tree';
import { awake } from './hours';
import { CALLERS, PROBLEMS } from './texts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** How often each category is reported, relative to one another. */
const WEIGHTS: Record<string, number> = {
  neighbour_dispute: 8,
  noise: 12,
  illegal_construction: 4,
  residence_permit: 5,
  public_facility: 12,
  lift: 5,
  sanitation: 14,
  fire_safety: 5,
  property_service: 12,
  ebike: 10,
  other: 6,
};

export interface Filing {
  at: number;
  /** The building it is about; `unit` is its compound for common areas. */
  building: Unit;
  unit: Unit;
  category: Category;
  channel: Channel;
  /** Who files it: the resident, or whoever records it for them. */
  by: string;
  input: Record<string, unknown>;
}

function weighted(r: Rng): Category {
  const total = DEFAULT_CATEGORIES.reduce((n, c) => n + (WEIGHTS[c.code] ?? 1), 0);
  let x = r.next() * total;
  for (const c of DEFAULT_CATEGORIES) if ((x -= WEIGHTS[c.code] ?? 1) < 0) return c;
  return DEFAULT_CATEGORIES[DEFAULT_CATEGORIES.length - 1];
}

/**
 * How long ago a report was filed: more in the last months than a year ago (people took to it over
 * the year), some every day, and a busy last few days, so the desk has work on it now.
 */
function age(r: Rng, span: number): number {
  const p = r.next();
  if (p < 0.35) return r.next() * span;
  if (p < 0.92) {
    // Exponential with a mean of 120 days, cut at the history's start.
    const tau = 120 * DAY;
    return -tau * Math.log(1 - r.next() * (1 - Math.exp(-span / tau)));
  }
  return r.next() * Math.min(span, 5 * DAY);
}

const caller = (r: Rng) => r.pick([...SURNAMES.slice(0, 30)]) + r.pick(CALLERS);
const callerPhone = (r: Rng) => `13${5 + r.int(5)}${String(r.int(100_000_000)).padStart(8, '0')}`;

export function planFilings(tree: DemoTree, people: DemoPeople, o: { count: number; start: number; end: number; seed: number; r: Rng }): Filing[] {
  const { r } = o;
  const staff = people.byUsername.get('shequ')!;
  const jumin = people.byUsername.get('jumin');
  const span = o.end - o.start;
  const out: Filing[] = [];
  for (let i = 0; i < o.count; i++) {
    let at = o.end - age(r, span);
    if (r.chance(0.85)) at = awake(at, r);
    if (at > o.end) at = o.end - r.between(10 * MIN, 3 * HOUR);
    const building = r.pick(tree.buildings);
    const category = weighted(r);
    const residents = people.residents.get(building.id) ?? [];
    const lead = people.leads.get(building.id);
    const p = r.next();
    // Common areas (a compound's lamps, lifts' machine rooms, bins) are reported on the compound.
    const onCompound = category.entryLevel === 'compound' && r.chance(0.3);
    let channel: Channel;
    let by: string;
    const extra: Record<string, unknown> = {};
    if (residents.length && p < 0.72) {
      channel = 'resident';
      // The demo resident 孙福贵 has a history of his own to show.
      by = jumin && residents.includes(jumin) && r.chance(0.25) ? jumin : r.pick(residents);
      if (r.chance(0.08)) extra.anonymous = true;
    } else if (lead && !onCompound && p < 0.9) {
      channel = 'group_chat';
      by = lead;
      if (residents.length && r.chance(0.6)) extra.residentId = r.pick(residents);
      else extra.contactName = caller(r);
    } else {
      channel = r.chance(0.7) ? 'phone' : 'visit';
      by = staff;
      extra.contactName = caller(r);
      extra.contactPhone = callerPhone(r);
    }
    const unit = onCompound ? compoundOf(tree, building) : building;
    out.push({
      at,
      building,
      unit,
      category,
      channel,
      by,
      input: {
        clientRequestId: `demo-history-${o.seed}-${i}`,
        unitId: unit.id,
        category: category.code,
        description: r.pick(PROBLEMS[category.code] ?? PROBLEMS.other)[0],
        ...(onCompound ? {} : r.chance(0.5) ? { location: `${1 + r.int(4)}单元` } : {}),
        ...(channel === 'resident' ? {} : { channel }),
        ...extra,
      },
    });
  }
  return out.sort((a, b) => a.at - b.at);
}
