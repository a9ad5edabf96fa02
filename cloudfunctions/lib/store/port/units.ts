import type { Unit } from '../../../../src/core';

export interface UnitRepo {
  get(id: string): Promise<Unit | null>;
  getMany(ids: readonly string[]): Promise<Unit[]>;
  /** The unit at `path` and everything below it, ordered by path. */
  listSubtree(path: string, opts?: { includeArchived?: boolean }): Promise<Unit[]>;
  /** Roots of the tree (streets). */
  listRoots(): Promise<Unit[]>;
  /** A live (not archived) child of `parentId` with this exact name, if any. */
  findChildByName(parentId: string, name: string): Promise<Unit | null>;
  countLiveChildren(id: string): Promise<number>;
  insert(unit: Unit): Promise<void>;
  /** Writes name/archived/updatedAt if the stored version is `expectedVersion`; bumps version. */
  update(id: string, expectedVersion: number, patch: Partial<Pick<Unit, 'name' | 'archived'>>, at: number): Promise<Unit | null>;
  /**
   * Moves the unit under a new parent: rewrites its parentId and the path of it and every
   * descendant, atomically, if the stored version is `expectedVersion`.
   */
  move(id: string, expectedVersion: number, newParent: Unit, at: number): Promise<Unit | null>;
  /** The building whose WeChat group this is (archived ones too), if any. */
  findByGroupId(groupId: string): Promise<Unit | null>;
  /**
   * Binds (groupId) or unbinds (null) a building's WeChat group, atomically: a group is on one unit
   * at most, so binding one that is on another unit answers 'taken' and writes nothing. Bumps the
   * version; binding the group a unit already has is a no-op answered with the unit.
   */
  setGroup(id: string, groupId: string | null, at: number): Promise<{ ok: true; unit: Unit } | { ok: false; reason: 'taken' | 'not_found' }>;
}
