import type { Database as Db } from 'better-sqlite3';
import { DomainError, LEFT_PERSON_NAME, type Consent, type Person } from '../../../../src/core';
import type { PersonRepo } from '../port';
import type { SqliteKit } from './kit';
import { END, isUnique } from './rows';

export interface PersonRow {
  id: string;
  name: string;
  phone: string | null;
  username: string | null;
  openid: string | null;
  demo: number;
  created_in_unit_id: string | null;
  /** Migration 22: null until the person chose (the default). */
  consent_board?: number | null;
  consent_photos?: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

const flag = (v: number | null | undefined): boolean | undefined => (v === null || v === undefined ? undefined : v === 1);
const column = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);

/** The consent the row records: absent while the person never chose (the defaults), else what they chose. */
function consentOf(r: PersonRow): Consent | undefined {
  const consent: Consent = {};
  const board = flag(r.consent_board);
  const photos = flag(r.consent_photos);
  if (board !== undefined) consent.board = board;
  if (photos !== undefined) consent.photos = photos;
  return board === undefined && photos === undefined ? undefined : consent;
}

export const toPerson = (r: PersonRow): Person => {
  const consent = consentOf(r);
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    username: r.username,
    openid: r.openid,
    demo: r.demo === 1,
    createdInUnitId: r.created_in_unit_id,
    ...(consent ? { consent } : {}),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

/**
 * Inserts one person with their password hash; a taken username or openid throws SQLite's unique
 * error (people.insert turns it into a DomainError, approving a registration into login_taken).
 */
export function personInserter(db: Db): (p: Person, passwordHash: string | null) => void {
  const insert = db.prepare(
    'INSERT INTO people (id, name, phone, username, openid, password_hash, demo, created_in_unit_id, consent_board, consent_photos, version, created_at, updated_at) VALUES (@id, @name, @phone, @username, @openid, @passwordHash, @demo, @createdInUnitId, @consentBoard, @consentPhotos, @version, @createdAt, @updatedAt)',
  );
  return ({ consent, ...p }, passwordHash) => {
    insert.run({ ...p, passwordHash, demo: p.demo ? 1 : 0, createdInUnitId: p.createdInUnitId ?? null, consentBoard: column(consent?.board), consentPhotos: column(consent?.photos) });
  };
}

export function sqlitePeople(db: Db, { stmt }: SqliteKit): PersonRepo {
  const insertPerson = personInserter(db);
  const q = {
    get: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?'),
    byUsername: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE username = ?'),
    byOpenid: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE openid = ?'),
    clearOpenid: db.prepare<[number, string], PersonRow>(
      'UPDATE people SET openid = NULL, version = version + 1, updated_at = ? WHERE id = ? AND openid IS NOT NULL RETURNING *',
    ),
    hash: db.prepare<[string], { password_hash: string | null }>('SELECT password_hash FROM people WHERE id = ?'),
    setHash: db.prepare<[string, number, string], PersonRow>(
      'UPDATE people SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ? RETURNING *',
    ),
    correct: db.prepare<[string | null, string | null, number, string, number], PersonRow>(
      'UPDATE people SET name = coalesce(?, name), phone = coalesce(?, phone), version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING *',
    ),
    setConsent: db.prepare<[number | null, number | null, number, string], PersonRow>(
      'UPDATE people SET consent_board = coalesce(?, consent_board), consent_photos = coalesce(?, consent_photos), version = version + 1, updated_at = ? WHERE id = ? RETURNING *',
    ),
    // A person who has left already is left as they are: forgetting twice writes once.
    forget: db.prepare<{ left: string; at: number; id: string }, PersonRow>(
      `UPDATE people SET name = @left, phone = NULL, username = NULL, openid = NULL, password_hash = NULL, version = version + 1, updated_at = @at
       WHERE id = @id AND NOT (name = @left AND phone IS NULL AND username IS NULL AND openid IS NULL AND password_hash IS NULL) RETURNING *`,
    ),
    demo: db.prepare<[], PersonRow>('SELECT * FROM people WHERE demo = 1 ORDER BY created_at, id'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people'),
  };

  return {
    async get(id) {
      const r = q.get.get(id);
      return r ? toPerson(r) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = stmt(`SELECT * FROM people WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as PersonRow[];
      return rows.map(toPerson);
    },
    async findByUsername(username) {
      const r = q.byUsername.get(username);
      return r ? toPerson(r) : null;
    },
    async findByOpenid(openid) {
      const r = q.byOpenid.get(openid);
      return r ? toPerson(r) : null;
    },
    async search(text, paths, limit, opts = {}) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const scope = paths.map(() => '(u.path >= ? AND u.path < ?)').join(' OR ') || '0';
      const sql = `
        SELECT p.* FROM people p
        WHERE (p.name LIKE ? ESCAPE '\\' OR p.phone LIKE ? ESCAPE '\\' OR p.username LIKE ? ESCAPE '\\')
          AND (
            EXISTS (SELECT 1 FROM bindings b JOIN units u ON u.id = b.unit_id WHERE b.person_id = p.id AND (${scope}))
            OR (
              NOT EXISTS (SELECT 1 FROM bindings b WHERE b.person_id = p.id)
              AND (EXISTS (SELECT 1 FROM units u WHERE u.id = p.created_in_unit_id AND (${scope})) OR (p.created_in_unit_id IS NULL AND ?))
            )
          )
        ORDER BY p.name, p.id LIMIT ?`;
      const scopeArgs: unknown[] = [];
      for (const p of paths) scopeArgs.push(p, p + END);
      return (stmt(sql).all(like, like, like, ...scopeArgs, ...scopeArgs, opts.unplaced ? 1 : 0, limit) as PersonRow[]).map(toPerson);
    },
    async insert(p, passwordHash) {
      try {
        insertPerson(p, passwordHash);
      } catch (e) {
        if (isUnique(e, 'people.username')) throw new DomainError('INPUT.INVALID', '这个账号已被使用，请换一个', 'username');
        if (isUnique(e, 'people.openid')) throw new DomainError('INPUT.INVALID', '这个微信已绑定其他人员', 'openid');
        throw e;
      }
    },
    async passwordHash(id) {
      return q.hash.get(id)?.password_hash ?? null;
    },
    async setPasswordHash(id, hash, at) {
      const r = q.setHash.get(hash, at, id);
      return r ? toPerson(r) : null;
    },
    async clearOpenid(id, at) {
      const r = q.clearOpenid.get(at, id);
      return r ? toPerson(r) : null;
    },
    async correct(id, version, change, at) {
      const r = q.correct.get(change.name ?? null, change.phone ?? null, at, id, version);
      return r ? toPerson(r) : null;
    },
    async setConsent(id, change, at) {
      const r = q.setConsent.get(column(change.board), column(change.photos), at, id);
      return r ? toPerson(r) : null;
    },
    async forget(id, at) {
      const r = q.forget.get({ left: LEFT_PERSON_NAME, at, id }) ?? q.get.get(id);
      return r ? toPerson(r) : null;
    },
    async listDemo() {
      return q.demo.all().map(toPerson);
    },
    async count() {
      return q.count.get()!.n;
    },
  };
}
