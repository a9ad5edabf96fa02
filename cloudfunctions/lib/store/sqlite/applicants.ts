/**
 * Making an approved applicant a person, on SQLite, inside the approving transaction of a
 * registration or a check-in: a new person inserted (the unique openid/username columns refuse a
 * taken one), a person claimed by an UPDATE that matches only while nobody signs in as them, or the
 * person they are already. A refusal is thrown as an ApprovalRefusal so the transaction rolls back
 * whatever it wrote before.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ApplicantPerson } from '../port';
import { personInserter } from './people';
import { isUnique } from './rows';

/** Why an approval wrote nothing; thrown inside the transaction so it rolls back. */
export class ApprovalRefusal {
  constructor(readonly reason: 'conflict' | 'taken' | 'login_taken') {}
}

/** How the applicant signs in: a WeChat openid, or a web account (username and its password hash). */
export interface ApplicantLogin {
  openid: string | null;
  username: string | null;
  passwordHash: string | null;
}

/**
 * Writes the person `who` names (for `what`, named in errors) and answers their id; to be called
 * inside a db.transaction.
 */
export function applicantBinder(db: Db): (who: ApplicantPerson, login: ApplicantLogin, at: number, what: string) => string {
  const insertPerson = personInserter(db);
  const q = {
    claimByOpenid: db.prepare<{ id: string; openid: string; at: number }>(
      'UPDATE people SET openid = @openid, version = version + 1, updated_at = @at WHERE id = @id AND openid IS NULL AND username IS NULL',
    ),
    claimByUsername: db.prepare<{ id: string; username: string; passwordHash: string | null; at: number }>(
      'UPDATE people SET username = @username, password_hash = @passwordHash, version = version + 1, updated_at = @at WHERE id = @id AND openid IS NULL AND username IS NULL',
    ),
    personExists: db.prepare<[string], { id: string }>('SELECT id FROM people WHERE id = ?'),
  };
  const loginTaken = (e: unknown) => isUnique(e, 'people.username') || isUnique(e, 'people.openid');

  return (who, login, at, what) => {
    if (who.kind === 'existing') return who.personId;
    if (who.kind === 'new') {
      try {
        insertPerson(who.person, who.passwordHash);
      } catch (e) {
        if (loginTaken(e)) throw new ApprovalRefusal('login_taken');
        throw e;
      }
      return who.person.id;
    }
    if (login.openid === null && login.username === null) throw new Error(`${what} has neither an openid nor a username to claim ${who.personId} with`);
    let changed: number;
    try {
      changed =
        login.openid !== null
          ? q.claimByOpenid.run({ id: who.personId, openid: login.openid, at }).changes
          : q.claimByUsername.run({ id: who.personId, username: login.username!, passwordHash: login.passwordHash, at }).changes;
    } catch (e) {
      // The applicant's openid or username is on someone else already.
      if (loginTaken(e)) throw new ApprovalRefusal('login_taken');
      throw e;
    }
    if (changed === 0) {
      if (!q.personExists.get(who.personId)) throw new Error(`${what}: no person ${who.personId} to claim`);
      throw new ApprovalRefusal('taken');
    }
    return who.personId;
  };
}
