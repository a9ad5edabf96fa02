/**
 * Import jobs on SQLite: the job a row of import_jobs, its chunks rows of import_job_chunks (JSON).
 *
 * SQLite makes a whole job visible at once: `publish` writes every chunk left in one transaction,
 * which for 20,000 rows takes a fraction of a second, so no reader ever sees part of a job. Names
 * are not held while checking (there is nothing to hold them with but the rows themselves); the
 * unique index of live sibling names refuses a name taken since, in that transaction, and then
 * nothing is written and the runner rolls the job back.
 */
import type { Database as Db } from 'better-sqlite3';
import { DomainError, type ImportJobState, type ImportKind, type ImportRowError } from '../../../../src/core';
import type { ImportChunk, ImportJob, ImportJobRepo, NameTaken } from '../port';
import type { SqliteKit } from './kit';
import { personInserter } from './people';
import { isUnique } from './rows';

interface JobRow {
  id: string;
  kind: string;
  unit_id: string;
  created_by: string;
  file_name: string;
  file_ref: string;
  rows: number;
  chunks: number;
  state: string;
  done: number;
  counts: string;
  failure: string | null;
  failures: number;
  lease_owner: string | null;
  lease_until: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  kind: r.kind as ImportKind,
  unitId: r.unit_id,
  createdBy: r.created_by,
  fileName: r.file_name,
  fileRef: r.file_ref,
  rows: r.rows,
  chunks: r.chunks,
  state: r.state as ImportJobState,
  done: r.done,
  counts: JSON.parse(r.counts) as ImportJob['counts'],
  failure: r.failure === null ? null : (JSON.parse(r.failure) as ImportRowError),
  failures: r.failures,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

const OPEN = "('staging', 'checking', 'publishing')";

/** Thrown inside the publish transaction to undo it: the unit whose name was taken. */
class Taken extends Error {
  constructor(readonly taken: NameTaken) {
    super('import: a name was taken');
  }
}

export function sqliteImportJobs(db: Db, _kit: SqliteKit): ImportJobRepo {
  const q = {
    get: db.prepare<[string], JobRow>('SELECT * FROM import_jobs WHERE id = ?'),
    open: db.prepare<[number], JobRow>(`SELECT * FROM import_jobs WHERE state IN ${OPEN} ORDER BY updated_at, id LIMIT ?`),
    insert: db.prepare(
      `INSERT OR IGNORE INTO import_jobs (id, kind, unit_id, created_by, file_name, file_ref, rows, chunks, state, done, counts, failure, failures, lease_owner, lease_until, created_at, updated_at, finished_at)
       VALUES (@id, @kind, @unitId, @createdBy, @fileName, @fileRef, @rows, @chunks, 'checking', 0, @counts, NULL, 0, NULL, 0, @createdAt, @createdAt, NULL)`,
    ),
    insertChunk: db.prepare<[string, number, string]>('INSERT INTO import_job_chunks (job_id, seq, body) VALUES (?, ?, ?)'),
    chunk: db.prepare<[string, number], { body: string }>('SELECT body FROM import_job_chunks WHERE job_id = ? AND seq = ?'),
    dropChunks: db.prepare<[string]>('DELETE FROM import_job_chunks WHERE job_id = ?'),
    claim: db.prepare<{ id: string; owner: string; until: number; now: number }, JobRow>(
      `UPDATE import_jobs SET lease_owner = @owner, lease_until = @until
       WHERE id = @id AND state IN ${OPEN} AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until <= @now) RETURNING *`,
    ),
    release: db.prepare<[string, string]>('UPDATE import_jobs SET lease_owner = NULL, lease_until = 0 WHERE id = ? AND lease_owner = ?'),
    advance: db.prepare<{ id: string; state: string; index: number; at: number }>(
      `UPDATE import_jobs SET
         state = CASE WHEN @index + 1 >= chunks THEN 'publishing' ELSE state END,
         done = CASE WHEN @index + 1 >= chunks THEN 0 ELSE @index + 1 END,
         updated_at = @at
       WHERE id = @id AND state = @state AND done = @index`,
    ),
    finish: db.prepare<{ id: string; at: number }>("UPDATE import_jobs SET state = 'done', done = chunks, updated_at = @at, finished_at = @at WHERE id = @id AND state = 'publishing'"),
    // Publishing too: a job is written in one transaction here, so until it is done nothing of it is.
    rollback: db.prepare<{ id: string; failure: string; at: number }>(
      "UPDATE import_jobs SET state = 'rolledBack', failure = @failure, updated_at = @at, finished_at = @at WHERE id = @id AND state IN ('staging', 'checking', 'publishing')",
    ),
    fail: db.prepare<{ id: string; at: number }, { failures: number }>('UPDATE import_jobs SET failures = failures + 1, updated_at = @at WHERE id = @id RETURNING failures'),
    liveSibling: db.prepare<[string, string, string], { id: string }>('SELECT id FROM units WHERE ifnull(parent_id, \'\') = ? AND name = ? AND archived = 0 AND id != ?'),
    parentPath: db.prepare<[string], { path: string }>('SELECT path FROM units WHERE id = ?'),
    // Not OR IGNORE: that would pass over a live sibling's name too. The transaction writes each unit once.
    insertUnit: db.prepare(
      'INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (@id, @parentId, @kind, @name, @path, @archived, @version, @createdAt, @updatedAt)',
    ),
    insertBinding: db.prepare(
      'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by, door) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy, NULL)',
    ),
  };
  const insertPerson = personInserter(db);
  const readChunk = (id: string, index: number): ImportChunk | null => {
    const r = q.chunk.get(id, index);
    return r ? (JSON.parse(r.body) as ImportChunk) : null;
  };

  const create = db.transaction((job: ImportJob, chunks: readonly ImportChunk[]) => {
    const fresh = q.insert.run({ ...job, counts: JSON.stringify(job.counts) }).changes === 1;
    if (fresh) chunks.forEach((c, i) => q.insertChunk.run(job.id, i, JSON.stringify(c)));
  });

  /** Every chunk from `index` on, and the job done, in one transaction. */
  const publishRest = db.transaction((job: ImportJob, index: number, at: number) => {
    for (let i = index; i < job.chunks; i++) {
      const chunk = readChunk(job.id, i);
      if (!chunk) throw new Error(`import job ${job.id}: chunk ${i} is missing`);
      for (const { row, unit } of chunk.units) {
        // The path from the parent as it is now (it may have moved since the plan).
        const parent = unit.parentId ? q.parentPath.get(unit.parentId) : undefined;
        const path = parent ? `${parent.path}${unit.id}/` : unit.path;
        try {
          q.insertUnit.run({ ...unit, path, archived: 0 });
        } catch (e) {
          if (isUnique(e, 'units')) throw new Taken({ row, unit });
          throw e;
        }
      }
      for (const { person } of chunk.people) insertPerson(person, null);
      // A binding someone made meanwhile is the one the row asked for: kept as it is.
      for (const { binding } of chunk.bindings) q.insertBinding.run(binding);
    }
    q.finish.run({ id: job.id, at });
    q.dropChunks.run(job.id);
  });

  const rollback = db.transaction((id: string, failure: ImportRowError, at: number) => {
    if (q.rollback.run({ id, failure: JSON.stringify(failure), at }).changes === 1) q.dropChunks.run(id);
  });

  const get = (id: string) => {
    const r = q.get.get(id);
    return r ? toJob(r) : null;
  };

  return {
    async create(job, chunks) {
      create(job, chunks);
      return get(job.id)!;
    },
    async get(id) {
      return get(id);
    },
    async listOpen(limit) {
      return q.open.all(limit).map(toJob);
    },
    async chunk(id, index) {
      return readChunk(id, index);
    },
    async claim(id, owner, until, now) {
      const r = q.claim.get({ id, owner, until, now });
      return r ? toJob(r) : null;
    },
    async release(id, owner) {
      q.release.run(id, owner);
    },
    async reserve(id, index) {
      const chunk = readChunk(id, index);
      if (!chunk) return [];
      return chunk.units.filter(({ unit }) => q.liveSibling.get(unit.parentId ?? '', unit.name, unit.id)).map(({ row, unit }) => ({ row, unit }));
    },
    async advance(id, state, index, at) {
      q.advance.run({ id, state, index, at });
      return get(id);
    },
    async publish(id, index, at) {
      const job = get(id);
      if (!job) throw new DomainError('IMPORT.JOB_NOT_FOUND');
      if (job.state !== 'publishing' || job.done !== index) return { ok: true, job };
      try {
        publishRest(job, index, at);
      } catch (e) {
        if (e instanceof Taken) return { ok: false, taken: e.taken };
        throw e;
      }
      return { ok: true, job: get(id)! };
    },
    async rollback(id, failure, at) {
      rollback(id, failure, at);
      return get(id);
    },
    async noteFailure(id, at) {
      return q.fail.get({ id, at })?.failures ?? 0;
    },
  };
}
