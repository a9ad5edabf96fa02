/**
 * The units the signed-in person may see, loaded once per page visit for the unit pickers
 * (TreeSelect) of the desk, the dashboard, the ledger and the audit log.
 */
import type { TreeSelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, getToken } from './api';
import type { Unit, UnitNode } from './api';
import { buildTree, UNIT_KIND_LABEL } from './core';

let cache: Promise<Unit[]> | null = null;
/** The session the cache was loaded for: signing out and in as someone else in the same tab loads theirs. */
let cachedFor: string | null = null;

/** Forget the cached tree (after the units page changed it). */
export function invalidateUnits(): void {
  cache = null;
}

export function useUnits(): { units: Unit[] | null; byId: Map<string, Unit>; treeData: TreeSelectProps['treeData'] } {
  const [units, setUnits] = useState<Unit[] | null>(null);
  useEffect(() => {
    let live = true;
    if (cachedFor !== getToken()) cache = null;
    cachedFor = getToken();
    cache ??= api.units.tree({}).then((r) => r.units);
    cache.then(
      (u) => live && setUnits(u),
      () => {
        cache = null;
        if (live) setUnits([]);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  const byId = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  const treeData = useMemo(() => {
    const convert = (n: UnitNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.id,
      title: `${n.name}（${UNIT_KIND_LABEL[n.kind]}）`,
      children: n.children.length ? n.children.map(convert) : undefined,
    });
    return buildTree(units ?? []).map(convert);
  }, [units]);
  return { units, byId, treeData };
}

/** The unit a staff page opens on: the person's own top unit (their community, or street). */
export function homeUnitId(units: Unit[]): string | undefined {
  return buildTree(units)[0]?.id;
}
