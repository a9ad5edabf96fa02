/**
 * What the signed-in person may do with pairings (联户), read from the allow-lists the server checks
 * (src/core/pairings.ts), so the page offers only what will be accepted: who sees and pairs, who
 * reads and writes households' kinds (低保, 残疾: sensitive), who edits a community's list of kinds.
 */
import { useMemo } from 'react';
import type { UnitRef } from '../../api';
import { PAIRS_MEMBERS, SEES_PAIRINGS, mayEditKinds, mayPair, mayWriteKinds, pairingRootsOf } from '../../../../src/core/pairings';
import { scopedBindings, useSession } from '../../session';

type Place = Pick<UnitRef, 'path'>;

export function usePairingAccess() {
  const { me } = useSession();
  return useMemo(() => {
    const bindings = scopedBindings(me);
    const roots = pairingRootsOf(bindings, SEES_PAIRINGS);
    return {
      /** The top units whose pairings the person lists (the page opens on the first). */
      roots,
      sees: roots.length > 0,
      pairsSomewhere: pairingRootsOf(bindings, PAIRS_MEMBERS).length > 0,
      mayPair: (building: Place) => mayPair(bindings, building),
      /** Reads and writes the kinds of households under `unit` (the branch secretary, community staff). */
      writesKinds: (unit: Place) => mayWriteKinds(bindings, unit),
      editsKindList: (community: Place) => mayEditKinds(bindings, community),
    };
  }, [me]);
}
