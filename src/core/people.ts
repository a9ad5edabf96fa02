import { scopeRoots, type ScopedBinding } from './roles';
import type { Unit, UnitKind } from './units';

export interface Person {
  id: string;
  name: string;
  /** Mainland mobile number; shown only to people who handle this person's matters. */
  phone: string | null;
  /** Web sign-in name; null for people who only use the mini-program. */
  username: string | null;
  /** WeChat OPENID of the mini-program user, set when they first register. */
  openid: string | null;
  /** True for people created by the demo data; their logins are listed on the login pages. */
  demo: boolean;
  /**
   * The unit whose staff created this person (the staff unit of people.create, an import's unit,
   * where the seed or bootstrap put them). While bound nowhere, a person is found only from this
   * unit and the units above it. Null (or absent, as in people made before it was recorded): of
   * unknown origin, found only from FINDS_UNPLACED_PEOPLE.
   */
  createdInUnitId?: string | null;
  /** What the person agreed to show to others (我的信息); absent: the defaults (CONSENT_DEFAULTS). */
  consent?: Consent;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * A person's say over what others see of them, changeable at any time on 我的信息. A field left out
 * is the default: not on the points board (it names people to the whole compound, so it waits for a
 * yes), and photos of their reports shown (reporting a problem is asking neighbours to see it).
 */
export interface Consent {
  /** Their name on the points board (公示栏). */
  board?: boolean;
  /** Photos of their reports shown to people other than them and those who handle the report (neighbours, public views). */
  photos?: boolean;
}

export const CONSENT_DEFAULTS: Required<Consent> = { board: false, photos: true };

/** The person's consent with the defaults filled in. */
export function consentOf(p: Pick<Person, 'consent'>): Required<Consent> {
  return { board: p.consent?.board ?? CONSENT_DEFAULTS.board, photos: p.consent?.photos ?? CONSENT_DEFAULTS.photos };
}

/** Person as other people see it: never the password hash or the openid. */
export interface PersonView {
  id: string;
  name: string;
  phone: string | null;
  username: string | null;
  /** A WeChat user signs in as them (staff may unbind it when a phone changes hands); the openid itself stays hidden. */
  wechatBound: boolean;
}

export function viewPerson(p: Person): PersonView {
  return { id: p.id, name: p.name, phone: p.phone, username: p.username, wechatBound: !!p.openid };
}

/** 138****5678 — how a phone is shown to someone who must not see it whole. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** Where a person bound nowhere and of unknown origin (createdInUnitId null) is found from: the street only. */
export const FINDS_UNPLACED_PEOPLE: readonly UnitKind[] = ['street'];

/**
 * Where the caller finds people: the subtrees they see people in ('person.view'): those bound
 * there, and those bound nowhere created there; and, from a street, people of unknown origin.
 */
export function peopleScope(bindings: readonly ScopedBinding[]): { roots: ScopedBinding['unit'][]; unplaced: boolean } {
  const roots = scopeRoots(bindings, 'person.view');
  return { roots, unplaced: roots.some((u) => FINDS_UNPLACED_PEOPLE.includes(u.kind)) };
}

/**
 * May the caller bind this person (bound on `homes`, created in `createdIn`): someone bound where the
 * caller sees people; someone bound nowhere created on the caller's line, in their subtree or above
 * it (staff above create people for the units below to bind); someone of unknown origin from the
 * street. Never someone who lives elsewhere: binding them would show the caller their phone.
 */
export function mayBindPerson(bindings: readonly ScopedBinding[], person: { homes: readonly ScopedBinding[]; createdIn: Pick<Unit, 'path'> | null }): boolean {
  const { roots, unplaced } = peopleScope(bindings);
  if (person.homes.length > 0) return person.homes.some((h) => roots.some((r) => h.unit.path.startsWith(r.path)));
  const createdIn = person.createdIn;
  if (!createdIn) return unplaced;
  return roots.some((r) => createdIn.path.startsWith(r.path) || r.path.startsWith(createdIn.path));
}
