/**
 * The unit tree: street → community → compound → (grid) → building.
 * Each unit stores a materialised path of ancestor ids ("/s1/c1/p1/") so that a subtree is
 * one prefix query on every adapter.
 */
export const UNIT_KINDS = ['street', 'community', 'compound', 'grid', 'building'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  street: '街道',
  community: '社区',
  compound: '小区',
  grid: '网格',
  building: '楼栋',
};

/** Which kinds may sit directly under which. A grid is optional between compound and building. */
export const ALLOWED_PARENTS: Record<UnitKind, readonly UnitKind[]> = {
  street: [],
  community: ['street'],
  compound: ['community'],
  grid: ['compound'],
  building: ['compound', 'grid'],
};

export interface Unit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  /** Ids of the unit and its ancestors, root first, as "/root/…/id/". */
  path: string;
  archived: boolean;
  /** A building's WeChat group (楼栋群), its openGId: bound by the building's lead; absent or null when none. */
  groupId?: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export function pathOf(parent: Pick<Unit, 'path'> | null, id: string): string {
  return `${parent ? parent.path : '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length;
}

/** Ids on the path, root first. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** True if `unit` is `ancestor` itself or lies anywhere below it. */
export function isWithin(unit: Pick<Unit, 'path'>, ancestor: Pick<Unit, 'path'>): boolean {
  return unit.path.startsWith(ancestor.path);
}

export function canBeChildOf(kind: UnitKind, parentKind: UnitKind | null): boolean {
  if (parentKind === null) return kind === 'street';
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** The path a unit gets when its subtree is moved from oldPrefix to newPrefix. */
export function rebase(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`path ${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

/** Builds a forest from a flat list (as the store returns it); siblings sorted by kind order then name. */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u, children: [] });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const order = (a: UnitNode, b: UnitNode) =>
    UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true });
  const sort = (list: UnitNode[]) => {
    list.sort(order);
    list.forEach((c) => sort(c.children));
  };
  sort(roots);
  return roots;
}
