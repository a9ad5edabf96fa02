/**
 * A chunk of an import checked again before anything of it is written: the preview checked the file
 * against the tree as it was then, and a job may run for minutes. What the rows rely on must still
 * hold — parents and buildings live and within the import's unit, people matched by phone still
 * there under that name, new phones still nobody's — or the row is bad and the job is rolled back.
 * Names of new units are held by the store (ImportJobRepo.reserve), not checked here.
 */
import type { ImportRowError, Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { ImportChunk, NameTaken } from '../../store/port';

const AGAIN = '，请重新预览后再导入';

/** The first bad row of the chunk (by row), or null. */
export async function checkChunk(deps: Deps, root: Unit, chunk: ImportChunk): Promise<ImportRowError | null> {
  const { store } = deps;
  const bad: ImportRowError[] = [];
  const inside = (u: Unit) => u.path.startsWith(root.path);

  if (chunk.units.length) {
    // A parent not found is one of the job's own, in an earlier chunk: units are archived, never removed.
    const own = new Set(chunk.units.map((u) => u.unit.id));
    const parents = new Map((await store.units.getMany([...new Set(chunk.units.map((u) => u.unit.parentId).filter((p): p is string => !!p && !own.has(p)))])).map((u) => [u.id, u]));
    for (const { row, unit } of chunk.units) {
      const parent = unit.parentId ? parents.get(unit.parentId) : undefined;
      if (parent && (parent.archived || !inside(parent))) bad.push({ row, column: '上级单位', message: `上级单位“${parent.name}”在导入期间已归档或移走${AGAIN}` });
    }
  }

  if (chunk.bindings.length) {
    const homes = new Map((await store.units.getMany([...new Set(chunk.bindings.map((b) => b.binding.unitId))])).map((u) => [u.id, u]));
    for (const { row, binding } of chunk.bindings) {
      const home = homes.get(binding.unitId);
      if (!home || home.archived || !inside(home)) bad.push({ row, column: '所在楼栋', message: `楼栋${home ? `“${home.name}”` : ''}在导入期间已归档或移走${AGAIN}` });
    }
  }

  if (chunk.known.length) {
    const people = new Map((await store.people.getMany(chunk.known.map((k) => k.personId))).map((p) => [p.id, p]));
    for (const k of chunk.known) {
      const now = people.get(k.personId);
      if (!now || now.name !== k.name) bad.push({ row: k.row, column: '姓名', message: `这个手机号登记的人在导入期间改了姓名或已注销（现为“${now?.name ?? '—'}”）${AGAIN}` });
    }
  }

  const phones = chunk.people.map((p) => p.person.phone).filter((p): p is string => !!p);
  if (phones.length) {
    // Nothing of the job is written yet: whoever holds one of its new phones registered meanwhile.
    const holders = new Map((await store.imports.findByPhones(phones)).map((p) => [p.phone, p]));
    for (const { row, person } of chunk.people) {
      const holder = person.phone ? holders.get(person.phone) : undefined;
      if (holder && holder.id !== person.id) bad.push({ row, column: '手机号', message: `手机号 ${person.phone} 在导入期间已登记为“${holder.name}”${AGAIN}` });
    }
  }

  return bad.sort((a, b) => a.row - b.row)[0] ?? null;
}

/** A unit whose name another live unit took while the job ran. */
export const nameTakenError = ({ row, unit }: NameTaken): ImportRowError => ({
  row,
  column: '单位名称',
  message: `导入期间，同一上级下已经有了“${unit.name}”${AGAIN}`,
});
