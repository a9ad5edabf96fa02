/**
 * What the registration tests share: a harness whose WeChat stand-in honours phone codes, a
 * building (幸福里小区 1号楼) with its lead's codes, residents imported onto it, submitting as a
 * WeChat user, a web applicant or a person, and a snapshot of everything a refusal must not write.
 */
import type { CodeView, Door, Person, RegistrationQueueItem, RegistrationView, Submitted, Unit } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { localOpenData } from '../../../cloudfunctions/lib/ports/open-data';
import { sha256 } from '../../../cloudfunctions/lib/auth/tokens';
import { data, harness, type Harness } from '../../support/harness';

export const DOOR: Door = { entrance: '2', floor: 5, room: '502' };

let phones = 0;
/** A phone no one in the demo data has (the demo's are 138… and 139…). */
export const freshPhone = () => `1361${String(1_000_000 + ++phones).slice(-7)}`;
let nonces = 0;
/** A getPhoneNumber code the local stand-in trades, once, for `phone`. */
export const phoneCode = (phone: string) => `dev-phone:${phone}:${++nonces}`;
let openids = 0;
/** A WeChat user nobody knows yet. */
export const stranger = (): Credentials => ({ openid: `o-new-${++openids}` });

export interface SubmitInput {
  codeId: string;
  name: string;
  door?: Door;
  phoneCode?: string;
  phone?: string;
  password?: string;
  key?: string;
}

export async function registrationKit(opts: { h?: Harness } = {}) {
  const h = opts.h ?? (await harness());
  h.deps.openData = localOpenData({ devWechat: true });
  const building: Unit = await h.unitNamed('1号楼', '幸福里小区');
  const otherBuilding: Unit = await h.unitNamed('2号楼', '幸福里小区');
  const lead = await h.as('louzhang');

  const code = async (unitId = building.id, extra: Record<string, unknown> = {}) =>
    data(await h.call<CodeView>('codes', 'create', { unitId, purpose: 'building', ...extra }, unitId === building.id ? lead : await h.as('zhibu')));
  const personalCode = async (personId: string, unitId = building.id) => code(unitId, { purpose: 'personal', personId });

  let imported = 0;
  /** A resident staff imported onto `unit`, whom nobody has claimed yet. */
  async function importResident(name: string, phone: string | null, unit: Unit = building): Promise<Person> {
    const n = ++imported;
    const person: Person = { id: `per_imp${n}`, name, phone, username: null, openid: null, demo: false, createdInUnitId: unit.id, version: 1, createdAt: 0, updatedAt: 0 };
    await h.store.people.insert(person, null);
    await h.store.bindings.insert({ id: `bnd_imp${n}`, personId: person.id, unitId: unit.id, role: 'resident', createdAt: 0, createdBy: null });
    return person;
  }

  const submit = (input: SubmitInput, cred: Credentials = {}) => h.call<Submitted>('registration', 'submit', { door: DOOR, ...input }, cred);
  const mine = (cred: Credentials = {}, key?: string) => h.call<{ registrations: RegistrationView[] }>('registration', 'mine', key ? { key } : {}, cred);
  const queue = async (cred: Credentials = lead, unitId?: string) =>
    data(await h.call<{ registrations: RegistrationQueueItem[] }>('registration', 'pending', unitId ? { unitId } : {}, cred)).registrations;
  const approve = (r: Pick<RegistrationView, 'id' | 'version'>, cred: Credentials = lead, personId?: string | null) =>
    h.call<RegistrationView>('registration', 'approve', { id: r.id, version: r.version, ...(personId !== undefined ? { personId } : {}) }, cred);
  const reject = (r: Pick<RegistrationView, 'id' | 'version'>, reason: string, cred: Credentials = lead) =>
    h.call<RegistrationView>('registration', 'reject', { id: r.id, version: r.version, reason }, cred);

  /** Who a refusal could have written to: every openid, key and person the tests have used. */
  const seen = { openids: new Set<string>(), keys: new Set<string>(), people: new Set<string>() };
  const watch = (cred: Credentials) => cred.openid && seen.openids.add(cred.openid);

  /** Everything a refusal must leave as it was: audit, registrations, codes and their uses, people's logins, bindings on the buildings. */
  async function written() {
    const regs = new Map<string, unknown>();
    const lists = [
      h.store.registrations.listPending(['/'], 100_000),
      ...[...seen.openids].map((o) => h.store.registrations.listForOpenid(o)),
      ...[...seen.keys].map((k) => h.store.registrations.listForKeyHash(sha256(k))),
      ...[...seen.people].map((p) => h.store.registrations.listForApplicant(p)),
    ];
    for (const list of await Promise.all(lists)) for (const r of list) regs.set(r.id, r);
    const codes = [...(await h.store.codes.listForUnit(building.id)), ...(await h.store.codes.listForUnit(otherBuilding.id))];
    const bindings = [...(await h.store.bindings.listForUnit(building.id)), ...(await h.store.bindings.listForUnit(otherBuilding.id))];
    const people = await h.store.people.getMany([...new Set([...bindings.map((b) => b.personId), ...seen.people])]);
    const byId = <T extends { id: string }>(xs: T[]) => JSON.stringify([...xs].sort((a, b) => a.id.localeCompare(b.id)));
    return {
      audit: (await h.store.audit.search({}, 100_000)).length,
      registrations: byId([...regs.values()] as { id: string }[]),
      codes: byId(codes),
      bindings: byId(bindings),
      logins: JSON.stringify(people.map((p) => [p.id, p.openid, p.username]).sort()),
    };
  }

  /** Runs `run` and asserts it wrote nothing a refusal must not write. */
  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }

  return { h, building, otherBuilding, lead, code, personalCode, importResident, submit, mine, queue, approve, reject, seen, watch, written, writesNothing };
}

export type RegistrationKit = Awaited<ReturnType<typeof registrationKit>>;
