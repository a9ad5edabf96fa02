/**
 * Import jobs on CloudBase: the job one document in `import_jobs`, its chunks documents of
 * `import_job_chunks` (`_id` `<jobId>:<seq>`, a few hundred rows each, well inside a document's size).
 *
 * Nothing a job writes is seen until it is publishing, and nothing it publishes is ever taken back:
 * - Checking writes only sibling-name guards in `uniques` (guards.ts), the same a unit insert
 *   claims, naming the job's new units: no reader sees a guard, and a unit made meanwhile with the
 *   name is refused as if the unit were there. A bad row rolls the job back: its guards go, and
 *   nothing else was written.
 * - Publishing adds each chunk's units, people and bindings with one batch insert per collection,
 *   every document keyed by its id (a binding by its guard key), so a chunk written again — a run
 *   killed after the insert, before its progress was saved — finds its documents there and adds only
 *   the missing ones. No row can be refused then (names are held, ids are the job's own, a binding
 *   someone made meanwhile is the one the row asked for), so publishing only goes forward.
 * A transaction covers a few documents by id on CloudBase, so a job is never one: what a reader may
 * see is a job partly published, for the few requests per chunk it takes, never a job undone.
 *
 * Progress is a conditional update of the job (`where({ _id, state, done })`), and a run holds the
 * job by a lease (leaseOwner, leaseUntil) so that one run at a time steps it.
 */
import { DomainError, type ImportJobState, type ImportRowError, type Unit } from '../../../../src/core';
import type { ImportChunk, ImportJob, ImportJobRepo, NameTaken } from '../port';
import { bindingDoc } from './bindings';
import { siblingKey, type SiblingGuard } from './guards';
import { chunks, type CloudbaseKit, type CollectionName, type Stored } from './kit';
import { personDoc } from './people';
import { unitDoc, type UnitDoc } from './units';

interface JobDoc extends Stored, Omit<ImportJob, 'id'> {
  leaseOwner: string | null;
  leaseUntil: number;
}

interface ChunkDoc extends Stored, ImportChunk {
  jobId: string;
  seq: number;
}

const OPEN: ImportJobState[] = ['staging', 'checking', 'publishing'];
/** Documents per batch insert: one chunk's worth, well inside a request's size. */
const ADD_BATCH = 500;
/** Tries at a batch insert that keeps meeting documents added meanwhile. */
const ADD_TRIES = 4;

const toJob = (d: JobDoc): ImportJob => ({
  id: d._id,
  kind: d.kind,
  unitId: d.unitId,
  createdBy: d.createdBy,
  fileName: d.fileName,
  fileRef: d.fileRef,
  rows: d.rows,
  chunks: d.chunks,
  state: d.state,
  done: d.done,
  counts: d.counts,
  failure: d.failure ?? null,
  failures: d.failures ?? 0,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  finishedAt: d.finishedAt ?? null,
});

const chunkId = (jobId: string, seq: number) => `${jobId}:${seq}`;

const guardOf = (u: Pick<Unit, 'id' | 'parentId' | 'name'>): SiblingGuard => ({ _id: siblingKey(u.parentId, u.name), kind: 'unitname', unitId: u.id, parentId: u.parentId, name: u.name });

export function cloudbaseImportJobs(kit: CloudbaseKit): ImportJobRepo {
  const _ = kit.command;
  const jobs = () => kit.coll('import_jobs');

  const get = async (id: string) => {
    const d = await kit.docById<JobDoc>('import_jobs', id);
    return d ? toJob(d) : null;
  };
  const readChunk = async (id: string, index: number): Promise<ImportChunk | null> => {
    const d = await kit.docById<ChunkDoc>('import_job_chunks', chunkId(id, index));
    return d ? { units: d.units, people: d.people, bindings: d.bindings, known: d.known } : null;
  };

  /**
   * Adds the documents not there yet, a batch per request. A batch that meets one already there
   * (this chunk written before, or a binding made meanwhile) stops at it, so the ones still missing
   * are read back and added again.
   */
  async function addMissing(n: CollectionName, docs: readonly Stored[]): Promise<void> {
    for (const batch of chunks(docs, ADD_BATCH)) {
      let left = batch;
      for (let attempt = 1; left.length > 0; attempt++) {
        try {
          await kit.coll(n).add([...left]);
          break;
        } catch (e) {
          const there = new Set((await kit.byIds(n, left.map((d) => d._id), { _id: true })).map((d) => d._id));
          const missing = left.filter((d) => !there.has(d._id));
          if (missing.length === left.length || attempt >= ADD_TRIES) throw e;
          left = missing;
        }
      }
    }
  }

  /** Removes the guards that name the job's units (and only those). */
  async function releaseNames(units: readonly Pick<Unit, 'id' | 'parentId' | 'name'>[]): Promise<void> {
    for (const part of chunks(units)) {
      await kit.remove(kit.coll('uniques').where({ _id: _.in(part.map((u) => siblingKey(u.parentId, u.name))), unitId: _.in(part.map((u) => u.id)) }));
    }
  }

  return {
    async create(job, parts) {
      const { id, ...fields } = job;
      const doc: JobDoc = { ...fields, _id: id, state: 'staging', done: 0, failure: null, failures: 0, finishedAt: null, updatedAt: job.createdAt, leaseOwner: null, leaseUntil: 0 };
      // The job first, staging: a save that stops halfway leaves a job the runner finds and undoes.
      if (!(await kit.addOnce('import_jobs', doc))) return (await get(id))!;
      for (let seq = 0; seq < parts.length; seq++) {
        const chunk: ChunkDoc = { _id: chunkId(id, seq), jobId: id, seq, ...parts[seq] };
        await addMissing('import_job_chunks', [chunk]);
      }
      await kit.update(jobs().where({ _id: id, state: 'staging' }), { state: 'checking' });
      return (await get(id))!;
    },
    get,
    async listOpen(limit) {
      const docs = await kit.rows<JobDoc>(jobs().where({ state: _.in(OPEN) }).orderBy('updatedAt', 'asc').orderBy('_id', 'asc').limit(Math.min(limit, 1000)));
      return docs.map(toJob);
    },
    chunk: readChunk,
    async claim(id, owner, until, now) {
      await kit.update(jobs().where(_.and([{ _id: id, state: _.in(OPEN) }, _.or([{ leaseOwner: owner }, { leaseUntil: _.lte(now) }])])), { leaseOwner: owner, leaseUntil: until });
      // Read back: an update that set what was there already counts as no change.
      const d = await kit.docById<JobDoc>('import_jobs', id);
      return d && d.leaseOwner === owner && OPEN.includes(d.state) ? toJob(d) : null;
    },
    async release(id, owner) {
      await kit.update(jobs().where({ _id: id, leaseOwner: owner }), { leaseOwner: null, leaseUntil: 0 });
    },
    async reserve(id, index) {
      const chunk = await readChunk(id, index);
      if (!chunk || chunk.units.length === 0) return [];
      const wanted = chunk.units.map(({ row, unit }) => ({ row, unit, guard: guardOf(unit) }));
      for (let attempt = 1; ; attempt++) {
        const held = new Map((await kit.byIds<SiblingGuard>('uniques', wanted.map((w) => w.guard._id))).map((g) => [g._id, g]));
        const taken: NameTaken[] = wanted.filter((w) => held.has(w.guard._id) && held.get(w.guard._id)!.unitId !== w.unit.id).map(({ row, unit }) => ({ row, unit }));
        if (taken.length) return taken;
        const missing = wanted.filter((w) => !held.has(w.guard._id)).map((w) => w.guard);
        if (missing.length === 0) return [];
        try {
          await kit.coll('uniques').add(missing);
          return [];
        } catch (e) {
          // Someone claimed one of the names meanwhile (or part of the batch went in): read them again.
          if (attempt >= ADD_TRIES) throw e;
        }
      }
    },
    async advance(id, state, index, at) {
      const job = await get(id);
      if (!job || job.state !== state || job.done !== index) return job;
      const last = index + 1 >= job.chunks;
      const next = last ? { state: 'publishing' as const, done: 0 } : { done: index + 1 };
      const n = await kit.update(jobs().where({ _id: id, state, done: index }), { ...next, updatedAt: at });
      return n === 1 ? { ...job, ...next, updatedAt: at } : get(id);
    },
    async publish(id, index, at) {
      const job = await get(id);
      if (!job) throw new DomainError('IMPORT.JOB_NOT_FOUND');
      if (job.state !== 'publishing' || job.done !== index) return { ok: true, job };
      const chunk = await readChunk(id, index);
      if (!chunk) throw new Error(`import job ${id}: chunk ${index} is missing`);
      if (chunk.units.length) {
        // Each path from the parent as it is now (it may have moved since the plan); parents before children.
        const inChunk = new Set(chunk.units.map((u) => u.unit.id));
        const outside = [...new Set(chunk.units.map((u) => u.unit.parentId).filter((p): p is string => !!p && !inChunk.has(p)))];
        const paths = new Map((await kit.byIds<UnitDoc>('units', outside, { path: true })).map((d) => [d._id, d.path]));
        const docs: UnitDoc[] = [];
        for (const { unit } of chunk.units) {
          const parentPath = unit.parentId ? paths.get(unit.parentId) : undefined;
          const path = parentPath ? `${parentPath}${unit.id}/` : unit.path;
          paths.set(unit.id, path);
          docs.push(unitDoc({ ...unit, path }));
        }
        await addMissing('units', docs);
      }
      await addMissing('people', chunk.people.map(({ person }) => personDoc(person, null)));
      await addMissing('bindings', chunk.bindings.map(({ binding }) => bindingDoc(binding)));
      const last = index + 1 >= job.chunks;
      const next: Partial<ImportJob> = last ? { state: 'done', done: job.chunks, finishedAt: at } : { done: index + 1 };
      const n = await kit.update(jobs().where({ _id: id, state: 'publishing', done: index }), { ...next, updatedAt: at });
      if (n !== 1) return { ok: true, job: (await get(id))! };
      if (last) await kit.remove(kit.coll('import_job_chunks').where({ jobId: id }));
      return { ok: true, job: { ...job, ...next, updatedAt: at } };
    },
    async rollback(id, failure: ImportRowError, at) {
      const job = await get(id);
      if (!job || !['staging', 'checking', 'rolledBack'].includes(job.state)) return job;
      // The names any chunk may have reserved; residents imports have none.
      if (job.state !== 'rolledBack' && job.counts.units > 0) {
        for (let seq = 0; seq < job.chunks; seq++) {
          const chunk = await readChunk(id, seq);
          if (chunk?.units.length) await releaseNames(chunk.units.map((u) => u.unit));
        }
      }
      if (job.state !== 'rolledBack') await kit.update(jobs().where({ _id: id, state: _.in(['staging', 'checking']) }), { state: 'rolledBack', failure, updatedAt: at, finishedAt: at });
      await kit.remove(kit.coll('import_job_chunks').where({ jobId: id }));
      return get(id);
    },
    async noteFailure(id, at) {
      await kit.update(jobs().where({ _id: id }), { failures: _.inc(1), updatedAt: at });
      return (await get(id))?.failures ?? 0;
    },
  };
}
