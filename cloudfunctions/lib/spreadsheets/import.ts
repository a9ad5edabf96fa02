/**
 * Importing units and residents from a spreadsheet: read the table, check every row against the
 * tree as it is now (and the rows above it), and plan what a commit would write. A plan with any
 * error writes nothing; a plan without errors becomes an import job (actions/management/import-stage.ts),
 * written all or nothing a chunk at a time.
 */
import { createHash } from 'node:crypto';
import {
  ROLE_LABEL,
  UNIT_KIND_LABEL,
  canBeChildOf,
  canBind,
  pathOf,
  type Binding,
  type ImportKind,
  type ImportRowError,
  type Person,
  type Role,
  type ScopedBinding,
  type Unit,
  type UnitKind,
} from '../../../src/core';
import { personName, phone as phoneSchema, unitName } from '../../../src/core/schemas/fields';
import type { Store } from '../store/port';
import { personNameProblem, residentRoleProblem, rolesOn, unitNameProblem } from './import-rows';
import type { Table } from './spreadsheet';

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  units: { required: ['上级单位', '单位名称', '类型'], optional: [] },
  residents: { required: ['姓名', '手机号', '所在楼栋'], optional: ['角色'] },
};

export const IMPORT_EXAMPLES: Record<ImportKind, string[][]> = {
  units: [
    ['', '新华小区', '小区'],
    ['新华小区', '1号楼', '楼栋'],
    ['新华小区', '第1网格', '网格'],
    ['新华小区/第1网格', '2号楼', '楼栋'],
  ],
  residents: [
    ['王秀兰', '13812345678', '幸福里小区/1号楼', '居民'],
    ['李建华', '13987654321', '幸福里小区/2号楼', '楼栋长'],
  ],
};

export const IMPORT_NOTES: Record<ImportKind, string[]> = {
  units: [
    '上级单位：从导入所在单位往下的名称路径，用“/”分隔，例如“幸福里小区/第1网格”；留空表示直接建在导入所在单位下。',
    '上级单位可以是本文件前面几行新建的单位。',
    '类型：小区、网格或楼栋（网格只能建在小区下，楼栋建在小区或网格下）。',
    '同一上级下不能有同名单位；文件中有任何一行出错，整个文件都不会写入。',
  ],
  residents: [
    '所在楼栋：从导入所在单位往下的名称路径，例如“幸福里小区/1号楼”。',
    '手机号：11 位手机号码。已登记的手机号会直接绑定到原来的人员，姓名须一致。',
    `角色：${rolesOn('building')}，留空为居民。小区、网格上的角色（物业、小区党支部书记等）请在“单位与人员”里逐个添加。`,
    '文件中有任何一行出错，整个文件都不会写入。',
  ],
};

const KIND_BY_LABEL: Record<string, UnitKind> = {
  小区: 'compound',
  网格: 'grid',
  楼栋: 'building',
  楼: 'building',
  compound: 'compound',
  grid: 'grid',
  building: 'building',
  社区: 'community',
  community: 'community',
};

const ROLE_BY_LABEL: Record<string, Role> = Object.fromEntries(
  (Object.entries(ROLE_LABEL) as [Role, string][]).flatMap(([role, label]) => [
    [label, role],
    [role, role],
  ]),
);

/** What the commit checks it imports the file that was previewed: the kind, the unit and the bytes. */
export function importDigest(kind: ImportKind, unitId: string, bytes: Buffer): string {
  return createHash('sha256').update(`${kind}\n${unitId}\n`).update(bytes).digest('hex');
}

export interface ImportPlan {
  errors: ImportRowError[];
  units: Unit[];
  people: Person[];
  bindings: Binding[];
  /** The file's row of each planned unit, person and binding, by id. */
  rowOf: Map<string, number>;
  /** People already stored whom rows bind (matched by phone), with the name the row gave. */
  known: { row: number; personId: string; name: string }[];
}

export interface PlanContext {
  store: Store;
  root: Unit;
  callerBindings: readonly ScopedBinding[];
  callerId: string;
  now: number;
  newId: (prefix: string) => string;
}

/** The columns a table lacks, or null when it has them all. */
export function missingColumns(kind: ImportKind, header: readonly string[]): string[] {
  return IMPORT_COLUMNS[kind].required.filter((c) => !header.includes(c));
}

const MAX_ERRORS = 500;

/** The live units of the root's subtree, and a lookup by name path below the root. */
async function treeOf(ctx: PlanContext) {
  const units = await ctx.store.units.listSubtree(ctx.root.path);
  const children = new Map<string, Map<string, Unit>>();
  const add = (u: Unit) => {
    if (!u.parentId) return;
    let m = children.get(u.parentId);
    if (!m) children.set(u.parentId, (m = new Map()));
    m.set(u.name, u);
  };
  units.forEach(add);
  /** The unit at a "幸福里小区/1号楼" path below the root ('' is the root; a leading root name is allowed). */
  const resolve = (path: string): Unit | null => {
    const parts = path
      .split(/[/／\\]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts[0] === ctx.root.name && !children.get(ctx.root.id)?.has(parts[0])) parts.shift();
    let at: Unit | undefined = ctx.root;
    for (const p of parts) {
      at = children.get(at.id)?.get(p);
      if (!at) return null;
    }
    return at;
  };
  return { add, resolve, children };
}

export async function planImport(ctx: PlanContext, kind: ImportKind, table: Table): Promise<ImportPlan> {
  const col = (name: string) => table.header.indexOf(name);
  const plan: ImportPlan = { errors: [], units: [], people: [], bindings: [], rowOf: new Map(), known: [] };
  const err = (row: number, column: string | null, message: string) => {
    if (plan.errors.length < MAX_ERRORS) plan.errors.push({ row, column, message });
  };
  const tree = await treeOf(ctx);

  if (kind === 'units') {
    const [cParent, cName, cKind] = ['上级单位', '单位名称', '类型'].map(col);
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const parentPath = cells[cParent] ?? '';
      const nameRaw = cells[cName] ?? '';
      const kindRaw = (cells[cKind] ?? '').trim();
      const name = unitName.safeParse(nameRaw);
      const unitKind = KIND_BY_LABEL[kindRaw];
      let ok = true;
      const nameProblem = name.success ? unitNameProblem(name.data) : name.error.issues[0].message;
      if (nameProblem) (err(row, '单位名称', nameProblem), (ok = false));
      if (!unitKind) (err(row, '类型', kindRaw ? `类型“${kindRaw}”不对，应为小区、网格或楼栋` : '请填写类型（小区、网格或楼栋）'), (ok = false));
      const parent = tree.resolve(parentPath);
      if (!parent) (err(row, '上级单位', `找不到上级单位“${parentPath}”（须是已有单位或本文件前面的行）`), (ok = false));
      if (!ok || !parent || !name.success || !unitKind) continue;
      if (!canBeChildOf(unitKind, parent.kind)) {
        err(row, '类型', `${UNIT_KIND_LABEL[unitKind]}不能建在${UNIT_KIND_LABEL[parent.kind]}“${parent.name}”下`);
        continue;
      }
      const key = `${parent.id}\n${name.data}`;
      if (seen.has(key)) {
        err(row, '单位名称', `与第 ${seen.get(key)} 行重复：“${parent.name}”下已有“${name.data}”`);
        continue;
      }
      if (tree.children.get(parent.id)?.has(name.data)) {
        err(row, '单位名称', `“${parent.name}”下已有“${name.data}”`);
        continue;
      }
      seen.set(key, row);
      const id = ctx.newId(unitKind.slice(0, 3));
      const unit: Unit = { id, parentId: parent.id, kind: unitKind, name: name.data, path: pathOf(parent, id), archived: false, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
      plan.units.push(unit);
      plan.rowOf.set(id, row);
      tree.add(unit);
    }
  } else {
    const [cName, cPhone, cBuilding, cRole] = ['姓名', '手机号', '所在楼栋', '角色'].map(col);
    const phones = table.rows.map((r) => (r.cells[cPhone] ?? '').replace(/[\s-]/g, '')).filter((p) => phoneSchema.safeParse(p).success);
    const existing = new Map((await ctx.store.imports.findByPhones(phones)).map((p) => [p.phone!, p]));
    const planned = new Map<string, { person: Person; name: string; row: number; bindings: Set<string> }>();
    for (const { row, cells } of table.rows) {
      const name = personName.safeParse(cells[cName] ?? '');
      const phoneRaw = (cells[cPhone] ?? '').replace(/[\s-]/g, '');
      const phone = phoneSchema.safeParse(phoneRaw);
      const buildingPath = cells[cBuilding] ?? '';
      const roleRaw = cRole >= 0 ? (cells[cRole] ?? '').trim() : '';
      const role: Role | undefined = roleRaw === '' ? 'resident' : ROLE_BY_LABEL[roleRaw];
      let ok = true;
      // A name without a letter gets the import's own message, which quotes the cell: the row of a long file is found by it.
      const nameProblem = name.success ? personNameProblem(name.data) : (personNameProblem(String(cells[cName] ?? '').trim()) ?? name.error.issues[0].message);
      if (nameProblem) (err(row, '姓名', nameProblem), (ok = false));
      if (!phone.success) (err(row, '手机号', phoneRaw ? `手机号“${phoneRaw}”不对，应为 11 位手机号码` : '请填写手机号'), (ok = false));
      const building = buildingPath.trim() ? tree.resolve(buildingPath) : null;
      if (!building) (err(row, '所在楼栋', buildingPath.trim() ? `找不到楼栋“${buildingPath}”` : '请填写所在楼栋，例如“幸福里小区/1号楼”'), (ok = false));
      const roleProblem = residentRoleProblem(building, role, roleRaw);
      if (roleProblem) (err(row, roleProblem.column, roleProblem.message), (ok = false));
      else if (building && role && !canBind(ctx.callerBindings, role, building)) (err(row, '角色', `您不能在“${building.name}”设置${ROLE_LABEL[role]}`), (ok = false));
      if (!ok || !name.success || !phone.success || !building || !role) continue;

      const bindingKey = `${building.id}\n${role}`;
      const inFile = planned.get(phone.data);
      const known = existing.get(phone.data);
      let person: Person;
      if (inFile) {
        if (inFile.name !== name.data) {
          err(row, '手机号', `与第 ${inFile.row} 行手机号相同，但姓名不同（“${inFile.name}”）`);
          continue;
        }
        if (inFile.bindings.has(bindingKey)) {
          err(row, '姓名', `与第 ${inFile.row} 行重复`);
          continue;
        }
        person = inFile.person;
      } else if (known) {
        if (known.name !== name.data) {
          err(row, '手机号', `手机号 ${phone.data} 已登记为“${known.name}”，姓名不一致`);
          continue;
        }
        person = known;
        planned.set(phone.data, { person, name: name.data, row, bindings: new Set() });
      } else {
        person = { id: ctx.newId('per'), name: name.data, phone: phone.data, username: null, openid: null, demo: false, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
        plan.people.push(person);
        plan.rowOf.set(person.id, row);
        planned.set(phone.data, { person, name: name.data, row, bindings: new Set() });
      }
      planned.get(phone.data)!.bindings.add(bindingKey);
      if (known && (await ctx.store.bindings.find(person.id, building.id, role))) continue; // already bound: nothing to write
      const binding: Binding = { id: ctx.newId('bnd'), personId: person.id, unitId: building.id, role, createdAt: ctx.now, createdBy: ctx.callerId };
      plan.bindings.push(binding);
      plan.rowOf.set(binding.id, row);
      if (known) plan.known.push({ row, personId: person.id, name: name.data });
    }
  }
  if (plan.errors.length) return { errors: plan.errors, units: [], people: [], bindings: [], rowOf: new Map(), known: [] };
  return plan;
}
