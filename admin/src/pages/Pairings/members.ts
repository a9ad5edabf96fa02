/**
 * The members a pairing can name: the approved members on the roster of a unit, those checked in
 * with a compound (or one of its grids). A 直管 member, checked in with the community, belongs to no
 * compound's branch and is paired by none (core/pairings.ts isMemberOf), so is left out.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { CheckinView } from '../../api';

export interface PairableMember {
  personId: string;
  name: string;
  /** Where they checked in: the compound or grid whose households they can be paired with. */
  unit: CheckinView['unit'];
  label: string;
}

/** The roster answers at most this many a page; a community has a few hundred members. */
const MOST = 500;

/** Null while loading; empty for a person who does not read the roster (`readsRoster` false). */
export function usePairableMembers(readsRoster: boolean, unitId: string | undefined, onError: (e: unknown) => void): PairableMember[] | null {
  const [members, setMembers] = useState<PairableMember[] | null>(null);
  useEffect(() => {
    let live = true;
    if (!readsRoster) {
      setMembers([]);
      return;
    }
    setMembers(null);
    api.members.roster({ ...(unitId ? { unitId } : {}), limit: MOST }).then(
      (r) => {
        if (!live) return;
        const rows = r.rows.filter((c) => c.person && c.unit.kind !== 'community');
        setMembers(rows.map((c) => ({ personId: c.person!.id, name: c.person!.name, unit: c.unit, label: `${c.person!.name} · ${c.unit.name} · ${c.memberTypeLabel}党员` })));
      },
      (e) => {
        if (!live) return;
        setMembers([]);
        onError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [readsRoster, unitId, onError]);
  return members;
}
