/**
 * What the signed-in person may do with party members, read from the same allow-lists the server
 * checks (src/core/checkins.ts): the page says so up front instead of asking and being refused.
 * Community staff see the roster but do not decide check-ins (the party secretaries do); the street
 * sees the counts only.
 */
import { Alert } from 'antd';
import { useMemo } from 'react';
import type { UnitRef } from '../../api';
import { checkinApprovalRoots, mayDecideCheckin, memberCountRoots, rosterRoots } from '../../core';
import { scopedBindings, useSession } from '../../session';

export function useMemberAccess() {
  const { me } = useSession();
  return useMemo(() => {
    const bindings = scopedBindings(me);
    return {
      decides: checkinApprovalRoots(bindings).length > 0,
      seesRoster: rosterRoots(bindings).length > 0,
      seesCounts: memberCountRoots(bindings).length > 0,
      /** May transfer out or withdraw this member (a secretary of their unit or above it). */
      mayEnd: (unit: Pick<UnitRef, 'path'>) => mayDecideCheckin(bindings, 'transferOut', unit),
    };
  }, [me]);
}

/** Said instead of a page the person may not use, with where to go instead. */
export function NoAccess({ title }: { title: string }) {
  return <Alert type="info" showIcon data-testid="members-no-access" title={title} />;
}
