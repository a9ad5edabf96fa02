/**
 * What one row of an import may hold beyond its schema: a name that names something, and a role
 * its unit can have — each refusal in words that tell the importer what to write instead.
 */
import { ROLES, ROLE_LABEL, ROLE_UNIT_KINDS, UNIT_KIND_LABEL, type Role, type Unit, type UnitKind } from '../../../src/core';

/** The unit kind a residents import binds on. */
const HOME: UnitKind = 'building';

/** A person's name has a letter in it (a Han character is one); emoji or symbols alone name nobody. */
export function personNameProblem(name: string): string | null {
  return /\p{L}/u.test(name) ? null : `姓名“${name}”里没有汉字或字母，请填写本人的姓名`;
}

/** A unit's name has a letter or a digit in it ("3号楼", "12"); emoji or symbols alone do not tell units apart on a list. */
export function unitNameProblem(name: string): string | null {
  return /[\p{L}\p{N}]/u.test(name) ? null : `单位名称“${name}”里没有汉字、字母或数字，请填写单位的名称`;
}

/** "小区党支部书记、物业、党员、志愿者": the roles a unit of this kind can have (ROLE_UNIT_KINDS). */
export function rolesOn(kind: UnitKind): string {
  return ROLES.filter((r) => ROLE_UNIT_KINDS[r].includes(kind))
    .map((r) => ROLE_LABEL[r])
    .join('、');
}

/** "小区或网格": where a role can be had. */
const placesOf = (role: Role) => ROLE_UNIT_KINDS[role].map((k) => UNIT_KIND_LABEL[k]).join('或');

/** Where the unit's other roles are given: one person at a time, on the units page. */
const ELSEWHERE = '在“单位与人员”中选中这个单位，在“人员与角色”里添加';

export interface RowProblem {
  column: string;
  message: string;
}

/**
 * Why a residents import row cannot give `role` on `unit` (the unit its 所在楼栋 names; null when
 * not found, said elsewhere), or null. `role` is undefined when the 角色 cell names no role (`written`, as typed).
 */
export function residentRoleProblem(unit: Unit | null, role: Role | undefined, written: string): RowProblem | null {
  if (!role) return { column: '角色', message: `角色“${written}”不对，楼栋上可以填：${rolesOn(HOME)}（留空为居民）` };
  if (!unit) return null;
  if (unit.kind === HOME) {
    if (ROLE_UNIT_KINDS[role].includes(HOME)) return null;
    return { column: '角色', message: `${ROLE_LABEL[role]}只能设在${placesOf(role)}，不能设在楼栋“${unit.name}”；楼栋上可以填：${rolesOn(HOME)}` };
  }
  const here = UNIT_KIND_LABEL[unit.kind];
  if (ROLE_UNIT_KINDS[role].includes(unit.kind))
    return { column: '角色', message: `这张表只导入楼栋上的${rolesOn(HOME)}；${here}“${unit.name}”的${ROLE_LABEL[role]}请${ELSEWHERE}` };
  return {
    column: '所在楼栋',
    message: `“${unit.name}”是${here}，不是楼栋：${ROLE_LABEL[role]}只能设在${placesOf(role)}。${here}上可以设的角色是${rolesOn(unit.kind)}，请${ELSEWHERE}`,
  };
}
