/**
 * The units a topic may be for, as a TreeSelect shows them: buildings, compounds and communities the
 * signed-in person may open a topic for (mayOpenTopic, the allow-list the server checks); the street
 * and grids are in the tree for its shape (buildings may sit under a grid) but cannot be chosen.
 */
import type { TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { mayOpenTopic } from '../../../../src/core/deliberation-access';
import type { Unit, UnitNode } from '../../api';
import { buildTree, UNIT_KIND_LABEL } from '../../core';
import { scopedBindings, useSession } from '../../session';

const TOPIC_KINDS: readonly string[] = ['building', 'compound', 'community'];

export function useTopicUnits(units: Unit[] | null): TreeSelectProps['treeData'] {
  const { me } = useSession();
  return useMemo(() => {
    const bindings = scopedBindings(me);
    const convert = (n: UnitNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.id,
      title: `${n.name}（${UNIT_KIND_LABEL[n.kind]}）`,
      disabled: !TOPIC_KINDS.includes(n.kind) || !mayOpenTopic(bindings, n),
      children: n.children.length ? n.children.map(convert) : undefined,
    });
    return buildTree((units ?? []).filter((u) => !u.archived)).map(convert);
  }, [units, me]);
}

/** The compounds the person sees, for the 公约 page's chooser. */
export function compoundsOf(units: Unit[] | null): { value: string; label: string }[] {
  return (units ?? []).filter((u) => u.kind === 'compound' && !u.archived).map((u) => ({ value: u.id, label: u.name }));
}
