/**
 * A lecture's roster (花名册) as rows: confirmed in the order they got their seats, waiting in
 * list order, with each person's name, phone and home (their building), for the roster page and its
 * spreadsheet alike.
 */
import { ATTENDANCE_VIA_LABEL, SIGNUP_STATUS_LABEL, ancestorIds, lectureFigures, type Lecture, type LectureRoster, type RosterEntry, type Signup, type Unit, type UnitKind } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Caller } from '../define';
import { staffViewOf } from './views';

/** The kinds a home names: "幸福里小区 3号楼" (the community is the lecture's own). */
const HOME_KINDS: readonly UnitKind[] = ['compound', 'building'];
/** Bindings read at once (one person each). */
const WIDTH = 16;

/** Each person's home as "幸福里小区 3号楼" (their first building), or a compound for a member without one. */
async function homesOf(deps: Deps, personIds: readonly string[]): Promise<Map<string, string>> {
  const homeUnit = new Map<string, string>();
  let next = 0;
  const work = async () => {
    while (next < personIds.length) {
      const id = personIds[next++];
      const bindings = await deps.store.bindings.listForPerson(id);
      const home = bindings.find((b) => b.role === 'resident') ?? bindings.find((b) => b.role === 'member');
      if (home) homeUnit.set(id, home.unitId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WIDTH, personIds.length) }, work));
  const units = new Map<string, Unit>();
  const own = await deps.store.units.getMany([...new Set(homeUnit.values())]);
  const above = new Set(own.flatMap((u) => ancestorIds(u.path)));
  for (const u of [...own, ...(above.size ? await deps.store.units.getMany([...above]) : [])]) units.set(u.id, u);
  const homes = new Map<string, string>();
  for (const [personId, unitId] of homeUnit) {
    const u = units.get(unitId);
    if (!u) continue;
    const names = ancestorIds(u.path).flatMap((a) => {
      const x = units.get(a);
      return x && HOME_KINDS.includes(x.kind) ? [x.name] : [];
    });
    homes.set(personId, names.join(' ') || u.name);
  }
  return homes;
}

/** `caller`: whom the lecture's picture is addressed to (null: the spreadsheet, which shows none). */
export async function rosterOf(deps: Deps, caller: Caller | null, lecture: Lecture): Promise<LectureRoster> {
  const signups = await deps.store.lectures.listSignups(lecture.id);
  const active = signups.filter((s) => s.status !== 'cancelled');
  const ids = active.map((s) => s.personId);
  const [people, homes, view] = await Promise.all([deps.store.people.getMany(ids), homesOf(deps, ids), staffViewOf(deps, caller, lecture)]);
  const byId = new Map(people.map((p) => [p.id, p]));
  let place = 0;
  const entry = (s: Signup): RosterEntry => {
    const p = byId.get(s.personId);
    return {
      signupId: s.id,
      person: { id: s.personId, name: p?.name ?? '（已注销）', phone: p?.phone ?? null },
      home: homes.get(s.personId) ?? null,
      seats: s.seats,
      companions: s.companions,
      status: s.status,
      statusLabel: SIGNUP_STATUS_LABEL[s.status],
      seq: s.seq,
      place: s.status === 'waiting' ? ++place : null,
      signedUpAt: s.signedUpAt,
      confirmedAt: s.confirmedAt,
      promotedAt: s.promotedAt,
      attendedAt: s.attendedAt,
      attendedVia: s.attendedVia,
      attendedViaLabel: s.attendedVia ? ATTENDANCE_VIA_LABEL[s.attendedVia] : null,
    };
  };
  // The store lists by seq: the waiting ones' places count up in list order.
  return {
    lecture: view,
    confirmed: active.filter((s) => s.status === 'confirmed').map(entry),
    waiting: active.filter((s) => s.status === 'waiting').map(entry),
    figures: lectureFigures(lecture, signups, deps.clock.now()),
  };
}
