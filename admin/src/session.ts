import { createContext, useContext } from 'react';
import type { Me } from './api';

export interface Session {
  me: Me;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The person's bindings in the shape the core permission checks take (the server only returns live units). */
export function scopedBindings(me: Me) {
  return me.bindings.map((b) => ({ role: b.role, unit: { ...b.unit, archived: false } }));
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/** "社区书记 · 阳光社区", for the header: the person's staff roles first. */
export function describeRoles(me: Me, staffRoles: readonly string[]): string {
  const sorted = [...me.bindings].sort((a, b) => Number(staffRoles.includes(b.role)) - Number(staffRoles.includes(a.role)));
  return sorted.map((b) => `${b.roleLabel} · ${b.unit.name}`).join('，');
}
