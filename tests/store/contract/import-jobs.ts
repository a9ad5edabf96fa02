/**
 * Import jobs (ImportJobRepo): staged rows checked and written a chunk at a time, all or nothing.
 * Nothing of a job is seen before it publishes; a job rolled back leaves nothing; a chunk written
 * twice changes nothing; one run at a time holds a job.
 */
import type { ImportChunk, ImportJob, Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person, unit } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
const AT = 5_000;

function jobOf(kind: ImportJob['kind'], unitId: string, chunks: readonly ImportChunk[], extra: Partial<ImportJob> = {}): ImportJob {
  const sum = (k: 'units' | 'people' | 'bindings') => chunks.reduce((s, c) => s + c[k].length, 0);
  return {
    id: `imj_contract${++n}`,
    kind,
    unitId,
    createdBy: 'per_staff',
    fileName: '名单.csv',
    fileRef: `per_staff/imf_${n}.csv`,
    rows: chunks.length * 2,
    chunks: chunks.length,
    state: 'checking',
    done: 0,
    counts: { units: sum('units'), people: sum('people'), bindings: sum('bindings') },
    failure: null,
    failures: 0,
    createdAt: AT,
    updatedAt: AT,
    finishedAt: null,
    ...extra,
  };
}

/** Checks every chunk and writes every chunk, as a run does when nothing is wrong. */
async function runThrough(store: Store, id: string): Promise<ImportJob> {
  let job = (await store.importJobs.get(id))!;
  while (job.state === 'checking') {
    expect(await store.importJobs.reserve(id, job.done)).toEqual([]);
    job = (await store.importJobs.advance(id, 'checking', job.done, AT + 1))!;
  }
  while (job.state === 'publishing') {
    const r = await store.importJobs.publish(id, job.done, AT + 2);
    if (!r.ok) throw new Error(`refused row ${r.taken.row}`);
    job = r.job;
  }
  return job;
}

export function importJobsContract(ctx: ContractContext) {
  describe('import jobs', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    /** Residents of 1号楼 in two chunks: 钱多多 new, 周小楼 already stored and bound as lead by the second. */
    async function residents() {
      const t = await tree(store);
      const known = person('周小楼', { phone: '13711113333' });
      await store.people.insert(known, null);
      const p1 = person('钱多多', { phone: '13711112222', createdInUnitId: t.community.id });
      const p2 = person('孙福贵', { phone: '13711114444', createdInUnitId: t.community.id });
      const chunks: ImportChunk[] = [
        { units: [], people: [{ row: 2, person: p1 }], bindings: [{ row: 2, binding: binding(p1, t.a1, 'resident') }], known: [] },
        {
          units: [],
          people: [{ row: 3, person: p2 }],
          bindings: [
            { row: 3, binding: binding(p2, t.a2, 'resident') },
            { row: 4, binding: binding(p1, t.a2, 'resident') },
            { row: 5, binding: binding(known, t.a1, 'building_lead') },
          ],
          known: [{ row: 5, personId: known.id, name: known.name }],
        },
      ];
      return { t, known, p1, p2, chunks, job: jobOf('residents', t.community.id, chunks) };
    }

    it('stages a job whose rows nobody sees until it is written, then shows them all', async () => {
      const { t, known, p1, p2, chunks, job } = await residents();
      const people = await store.people.count();
      const saved = await store.importJobs.create(job, chunks);
      expect(saved).toMatchObject({ id: job.id, state: 'checking', done: 0, chunks: 2, counts: { units: 0, people: 2, bindings: 4 }, failure: null, finishedAt: null });
      expect(await store.importJobs.chunk(job.id, 1)).toEqual(chunks[1]);
      expect((await store.importJobs.listOpen(10)).map((j) => j.id)).toEqual([job.id]);

      const hidden = async () => {
        expect(await store.people.count()).toBe(people);
        expect(await store.people.get(p1.id)).toBeNull();
        expect((await store.imports.findByPhones([p1.phone!, p2.phone!])).length).toBe(0);
        expect(await store.bindings.listForUnit(t.a1.id)).toEqual([]);
        expect(await store.bindings.listForPerson(known.id)).toEqual([]);
      };
      await hidden();
      expect(await store.importJobs.advance(job.id, 'checking', 0, AT + 1)).toMatchObject({ state: 'checking', done: 1 });
      await hidden();
      // Progress moves only from where it is: a second run at the same step changes nothing.
      expect(await store.importJobs.advance(job.id, 'checking', 0, AT + 1)).toMatchObject({ state: 'checking', done: 1 });
      expect(await store.importJobs.advance(job.id, 'checking', 1, AT + 1)).toMatchObject({ state: 'publishing', done: 0 });
      await hidden();

      const done = await runThrough(store, job.id);
      expect(done).toMatchObject({ state: 'done', done: 2, finishedAt: AT + 2 });
      expect(await store.people.count()).toBe(people + 2);
      expect(await store.people.get(p1.id)).toEqual(p1);
      expect((await store.bindings.listForPerson(p1.id)).map((b) => b.unitId).sort()).toEqual([t.a1.id, t.a2.id].sort());
      expect(await store.bindings.find(known.id, t.a1.id, 'building_lead')).toMatchObject({ personId: known.id, role: 'building_lead' });
      // Over: its chunks are gone, it is not open, and it cannot be run again.
      expect(await store.importJobs.chunk(job.id, 0)).toBeNull();
      expect(await store.importJobs.listOpen(10)).toEqual([]);
      expect(await store.importJobs.claim(job.id, 'run-late', AT + 60_000, AT + 3)).toBeNull();
      expect(await store.importJobs.rollback(job.id, { row: 0, column: null, message: '撤回' }, AT + 3)).toMatchObject({ state: 'done', failure: null });
      expect(await store.people.get(p1.id)).toEqual(p1);
    });

    it('changes nothing when a chunk is written twice, one after the other or at once', async () => {
      const { t, chunks, job } = await residents();
      await store.importJobs.create(job, chunks);
      await store.importJobs.advance(job.id, 'checking', 0, AT + 1);
      await store.importJobs.advance(job.id, 'checking', 1, AT + 1);
      const people = await store.people.count();
      const [a, b] = await Promise.all([store.importJobs.publish(job.id, 0, AT + 2), store.importJobs.publish(job.id, 0, AT + 2)]);
      expect(a.ok && b.ok).toBe(true);
      const after = { people: await store.people.count(), a1: (await store.bindings.listForUnit(t.a1.id)).length, a2: (await store.bindings.listForUnit(t.a2.id)).length };
      const again = await store.importJobs.publish(job.id, 0, AT + 9);
      expect(again.ok).toBe(true);
      expect({ people: await store.people.count(), a1: (await store.bindings.listForUnit(t.a1.id)).length, a2: (await store.bindings.listForUnit(t.a2.id)).length }).toEqual(after);
      const done = await runThrough(store, job.id);
      expect(done.state).toBe('done');
      expect(await store.people.count()).toBe(people + 2);
      expect((await store.bindings.listForUnit(t.a1.id)).length).toBe(2);
      expect((await store.bindings.listForUnit(t.a2.id)).length).toBe(2);
    });

    it('answers the job it saved first when the same job is saved again (a retried commit)', async () => {
      const { chunks, job } = await residents();
      await store.importJobs.create(job, chunks);
      await store.importJobs.advance(job.id, 'checking', 0, AT + 1);
      const again = await store.importJobs.create({ ...job, fileName: '另一个.csv' }, chunks.slice(0, 1));
      expect(again).toMatchObject({ id: job.id, fileName: '名单.csv', chunks: 2, done: 1 });
    });

    it('gives a job to one run at a time, until its hold expires or it lets go', async () => {
      const { chunks, job } = await residents();
      await store.importJobs.create(job, chunks);
      const [x, y] = await Promise.all([store.importJobs.claim(job.id, 'run-1', AT + 30_000, AT), store.importJobs.claim(job.id, 'run-2', AT + 30_000, AT)]);
      expect([x, y].filter(Boolean)).toHaveLength(1);
      const holder = x ? 'run-1' : 'run-2';
      const other = x ? 'run-2' : 'run-1';
      expect(await store.importJobs.claim(job.id, other, AT + 40_000, AT + 10_000)).toBeNull();
      // Its holder may take it again; once expired (a run killed), another takes it over.
      expect(await store.importJobs.claim(job.id, holder, AT + 35_000, AT + 10_000)).toMatchObject({ id: job.id });
      expect(await store.importJobs.claim(job.id, other, AT + 90_000, AT + 35_000)).toMatchObject({ id: job.id });
      await store.importJobs.release(job.id, holder); // not the holder any more: nothing happens
      expect(await store.importJobs.claim(job.id, holder, AT + 90_000, AT + 40_000)).toBeNull();
      await store.importJobs.release(job.id, other);
      expect(await store.importJobs.claim(job.id, holder, AT + 90_000, AT + 40_000)).toMatchObject({ id: job.id });
      expect(await store.importJobs.claim('imj_nothing', holder, AT + 90_000, AT)).toBeNull();
    });

    /** New units in two chunks: 新华小区 and its 1号楼, then 2号楼 under 幸福里小区. */
    async function units() {
      const t = await tree(store);
      const c = unit(t.community, 'compound', '新华小区');
      const c1 = unit(c, 'building', '1号楼');
      const a9 = unit(t.a, 'building', '9号楼');
      const chunks: ImportChunk[] = [
        { units: [{ row: 2, unit: c }, { row: 3, unit: c1 }], people: [], bindings: [], known: [] },
        { units: [{ row: 4, unit: a9 }], people: [], bindings: [], known: [] },
      ];
      return { t, c, c1, a9, chunks, job: jobOf('units', t.community.id, chunks) };
    }

    it('rolls back a job completely: nothing of it left, the names it held free again', async () => {
      const { t, c, c1, a9, chunks, job } = await units();
      const before = (await store.units.listSubtree(t.street.path, { includeArchived: true })).length;
      await store.importJobs.create(job, chunks);
      expect(await store.importJobs.reserve(job.id, 0)).toEqual([]);
      // Holding a name again is no change.
      expect(await store.importJobs.reserve(job.id, 0)).toEqual([]);
      await store.importJobs.advance(job.id, 'checking', 0, AT + 1);
      const failure = { row: 4, column: '上级单位', message: '上级单位在导入期间已归档' };
      const back = await store.importJobs.rollback(job.id, failure, AT + 2);
      expect(back).toMatchObject({ state: 'rolledBack', failure, finishedAt: AT + 2 });
      expect(await store.importJobs.rollback(job.id, { row: 0, column: null, message: '又一次' }, AT + 3)).toMatchObject({ state: 'rolledBack', failure });
      expect(await store.importJobs.chunk(job.id, 0)).toBeNull();
      expect(await store.importJobs.listOpen(10)).toEqual([]);
      expect((await store.units.listSubtree(t.street.path, { includeArchived: true })).length).toBe(before);
      for (const u of [c, c1, a9]) expect(await store.units.get(u.id)).toBeNull();
      // The names are free: units made now take them.
      await store.units.insert(unit(t.community, 'compound', '新华小区'));
      await store.units.insert(unit(t.a, 'building', '9号楼'));
    });

    it('never lets a job and a unit made meanwhile both have a name: one of them is refused', async () => {
      const { t, a9, chunks, job } = await units();
      await store.importJobs.create(job, chunks);
      expect(await store.importJobs.reserve(job.id, 0)).toEqual([]);
      expect(await store.importJobs.reserve(job.id, 1)).toEqual([]);
      const rival = unit(t.a, 'building', '9号楼');
      const made = await store.units.insert(rival).then(
        () => true,
        (e) => (expect(e).toMatchObject({ code: 'UNIT.NAME_TAKEN' }), false),
      );
      await store.importJobs.advance(job.id, 'checking', 0, AT + 1);
      await store.importJobs.advance(job.id, 'checking', 1, AT + 1);
      let job2 = (await store.importJobs.get(job.id))!;
      let refused = null as null | { row: number };
      while (job2.state === 'publishing') {
        const r = await store.importJobs.publish(job.id, job2.done, AT + 2);
        if (!r.ok) {
          refused = r.taken;
          job2 = (await store.importJobs.rollback(job.id, { row: r.taken.row, column: '单位名称', message: '名称被占用' }, AT + 3))!;
          break;
        }
        job2 = r.job;
      }
      const live = (await store.units.listSubtree(t.a.path)).filter((u) => u.name === '9号楼');
      expect(live).toHaveLength(1);
      if (made) {
        // Names are not held while checking (SQLite): the job's write is refused, and nothing of it is left.
        expect(refused).toMatchObject({ row: 4 });
        expect(job2.state).toBe('rolledBack');
        expect(live[0].id).toBe(rival.id);
        expect((await store.units.listSubtree(t.community.path)).some((u) => u.name === '新华小区')).toBe(false);
      } else {
        // Names are held (CloudBase): the newcomer was refused and the job wrote everything.
        expect(job2.state).toBe('done');
        expect(live[0].id).toBe(a9.id);
      }
    });

    it('answers the rows whose name a live unit holds, and writes units under their parent as it is now', async () => {
      const { t, c, c1, chunks, job } = await units();
      const taken = unit(t.a, 'building', '9号楼');
      await store.units.insert(taken);
      await store.importJobs.create(job, chunks);
      expect(await store.importJobs.reserve(job.id, 0)).toEqual([]);
      expect((await store.importJobs.reserve(job.id, 1)).map((x) => [x.row, x.unit.name])).toEqual([[4, '9号楼']]);
      // Another job's chunk with the rest: its compound's parent moved after the plan.
      const other = jobOf('units', t.community.id, [chunks[0]].map((ch) => ({ ...ch, units: ch.units.map((u) => ({ ...u, unit: { ...u.unit } })) })));
      await store.importJobs.rollback(job.id, { row: 4, column: '单位名称', message: '名称被占用' }, AT + 1);
      await store.importJobs.create(other, [chunks[0]]);
      const elsewhere = unit(null, 'street', '和平街道');
      await store.units.insert(elsewhere);
      await store.units.move(t.community.id, 1, elsewhere, AT);
      const moved = (await store.units.get(t.community.id))!;
      expect((await runThrough(store, other.id)).state).toBe('done');
      expect((await store.units.get(c.id))!.path).toBe(`${moved.path}${c.id}/`);
      expect((await store.units.get(c1.id))!.path).toBe(`${moved.path}${c.id}/${c1.id}/`);
    });
  });
}
