/**
 * Making an approved applicant a person, on CloudBase, inside the approving transaction of a
 * registration or a check-in. Reads and checks first (the login guards; for a claim, that nobody
 * signs in as the person yet), and answers the writes as a function to run once every other check
 * of the transaction has passed, so a refusal returns before anything is written. Two approvals
 * claiming one person both write that person's document: the database aborts one, and its re-run
 * reads the winner's openid and answers `taken`.
 */
import type { ApplicantPerson } from '../port';
import { openidKey, usernameKey, type PersonGuard } from './guards';
import { personDoc, type PersonDoc } from './people';
import { searchKeysOf } from './people-search';
import type { Tx } from './transaction';

/** How the applicant signs in: a WeChat openid, or a web account (username and its password hash). */
export interface ApplicantLogin {
  openid: string | null;
  username: string | null;
  passwordHash: string | null;
}

export type PersonWrite = { ok: true; personId: string; write: () => Promise<void> } | { ok: false; reason: 'taken' | 'login_taken' };

/** Checks that `who` can be written (for `what`, named in errors) and answers their id and the writes. */
export async function applicantPersonWrite(t: Tx, who: ApplicantPerson, login: ApplicantLogin, at: number, what: string): Promise<PersonWrite> {
  if (who.kind === 'existing') return { ok: true, personId: who.personId, write: async () => {} };
  if (who.kind === 'new') {
    const p = who.person;
    const guards: PersonGuard[] = [];
    if (p.username !== null) guards.push({ _id: usernameKey(p.username), kind: 'username', personId: p.id });
    if (p.openid !== null) guards.push({ _id: openidKey(p.openid), kind: 'openid', personId: p.id });
    for (const g of guards) if (await t.get('uniques', g._id)) return { ok: false, reason: 'login_taken' };
    return {
      ok: true,
      personId: p.id,
      write: async () => {
        for (const g of guards) await t.add('uniques', g);
        await t.add('people', personDoc(p, who.passwordHash));
      },
    };
  }
  const personId = who.personId;
  if (login.openid === null && login.username === null) throw new Error(`${what} has neither an openid nor a username to claim ${personId} with`);
  const pd = await t.get<PersonDoc>('people', personId);
  if (!pd) throw new Error(`${what}: no person ${personId} to claim`);
  if (pd.openid || pd.username) return { ok: false, reason: 'taken' };
  const guard: PersonGuard =
    login.openid !== null ? { _id: openidKey(login.openid), kind: 'openid', personId } : { _id: usernameKey(login.username!), kind: 'username', personId };
  if (await t.get('uniques', guard._id)) return { ok: false, reason: 'login_taken' };
  // A username is searched by too: its keys come with it.
  const fields =
    login.openid !== null
      ? { openid: login.openid }
      : { username: login.username, passwordHash: login.passwordHash, searchKeys: searchKeysOf({ name: pd.name, phone: pd.phone, username: login.username }) };
  return {
    ok: true,
    personId,
    write: async () => {
      await t.add('uniques', guard);
      await t.update('people', personId, { ...fields, version: pd.version + 1, updatedAt: at });
    },
  };
}
