/**
 * A batch of units, people and bindings written at once on CloudBase: the demo seed's (the
 * management page's imports are jobs, import-jobs.ts).
 *
 * All-or-nothing only as far as CloudBase allows: its transactions are meant for a few
 * single-document operations, and an import can be 20,000 rows. So it is written row by row,
 * through the repositories (each row with its own guards), behind a marker document in
 * `import_batches` that lists every id it is about to write; a row that fails undoes the rows
 * before it (units with their sibling-name guards, people, bindings) and marks the batch rolled
 * back. Two limits remain: for the seconds it takes, other readers can see part of the batch; and
 * a process that dies halfway leaves the marker in state "writing" — `rollbackImport(id)` removes
 * what it lists, and is safe to run again.
 */
import { DomainError, type Binding, type Person, type Unit } from '../../../../src/core';
import type { BindingRepo, ImportRepo, PersonRepo, UnitRepo } from '../port';
import { bindingKey, releaseSiblingNameOf } from './guards';
import { chunks, type CloudbaseKit, type Stored } from './kit';
import { NO_HASH, toPerson, type PersonDoc } from './people';

interface ImportMarker extends Stored {
  state: 'writing' | 'done' | 'rolledBack';
  /** Parents before children, as written. */
  units: Pick<Unit, 'id' | 'parentId' | 'name'>[];
  people: string[];
  /** The `_id`s of the bindings the import adds (only those that did not exist before). */
  bindingKeys: string[];
}

/** Undoes what a batch marker lists; safe to repeat (removing a missing document removes nothing). */
async function undo(kit: CloudbaseKit, marker: ImportMarker): Promise<void> {
  const _ = kit.command;
  for (const key of marker.bindingKeys) await kit.coll('bindings').doc(key).remove();
  for (const part of chunks(marker.people)) await kit.remove(kit.coll('people').where({ _id: _.in(part) }));
  for (const u of [...marker.units].reverse()) {
    await kit.coll('units').doc(u.id).remove();
    await releaseSiblingNameOf(kit, u);
  }
}

/** Undoes an import that stopped halfway (its marker still says "writing"); safe to repeat. */
export async function rollbackImport(kit: CloudbaseKit, batchId: string): Promise<boolean> {
  const marker = await kit.docById<ImportMarker>('import_batches', batchId);
  if (!marker || marker.state === 'done') return false;
  await undo(kit, marker);
  await kit.coll('import_batches').doc(batchId).update({ state: 'rolledBack' });
  return true;
}

export function cloudbaseImports(kit: CloudbaseKit, repos: { units: UnitRepo; people: PersonRepo; bindings: BindingRepo }): ImportRepo {
  const _ = kit.command;
  return {
    async commit(batch) {
      // Only bindings that did not exist before are ours to undo.
      const fresh: Binding[] = [];
      for (const b of batch.bindings) if (!(await repos.bindings.find(b.personId, b.unitId, b.role))) fresh.push(b);
      const marker: ImportMarker = {
        _id: batch.id,
        state: 'writing',
        units: batch.units.map((u) => ({ id: u.id, parentId: u.parentId, name: u.name })),
        people: batch.people.map((p) => p.id),
        bindingKeys: fresh.map((b) => bindingKey(b.personId, b.unitId, b.role)),
      };
      await kit.coll('import_batches').add(marker);
      try {
        for (const u of batch.units) await repos.units.insert(u);
        for (const p of batch.people) await repos.people.insert(p, null);
        for (const b of fresh) await repos.bindings.insert(b);
      } catch (e) {
        await undo(kit, marker);
        await kit.coll('import_batches').doc(batch.id).update({ state: 'rolledBack' });
        throw e instanceof DomainError ? e : new DomainError('INTERNAL', '导入没有完成，已全部撤回，请重试');
      }
      await kit.coll('import_batches').doc(batch.id).update({ state: 'done' });
    },
    async findByPhones(phones) {
      const out: Person[] = [];
      for (const part of chunks([...new Set(phones)])) {
        const docs = await kit.drainBySkip<PersonDoc>(kit.coll('people').where({ phone: _.in(part) }).field(NO_HASH).orderBy('_id', 'asc'));
        out.push(...docs.map(toPerson));
      }
      return out;
    },
  };
}
