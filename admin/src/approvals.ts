/**
 * How many registrations wait for the signed-in person (入住审核): the menu's badge and the
 * dashboard's reminder read it; the approvals page sets it from the queue it shows and lowers it
 * as rows are decided. Loaded once when the shell opens and again when the tab comes back into
 * view after a while, so a desk page left open all day does not show yesterday's count.
 */
import { useEffect, useState } from 'react';
import { api, getToken } from './api';

/** A count older than this is reloaded when the tab is looked at again. */
const STALE_MS = 2 * 60_000;

let count: number | null = null;
let loadedAt = 0;
/** The session the count was read for: signing out and in as someone else in the same tab reads theirs. */
let countedFor: string | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<(n: number | null) => void>();

function publish(n: number | null): void {
  count = n;
  countedFor = getToken();
  loadedAt = Date.now();
  listeners.forEach((l) => l(n));
}

/** The whole queue's length, as the approvals page just read it (unnarrowed). */
export function setPendingCount(n: number): void {
  publish(n);
}

/** One registration decided on the approvals page. */
export function decrementPendingCount(): void {
  if (count !== null) publish(Math.max(0, count - 1));
}

/** Reads the queue again; a failure (no right to approve, no network) shows no count rather than a wrong one. */
export function refreshPendingCount(): Promise<void> {
  loading ??= api.registration
    .pending({})
    .then(
      (r) => publish(r.registrations.length),
      () => publish(null),
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The count for a badge: null until known, or when the person approves nothing. `enabled`: the person approves registrations. */
export function usePendingCount(enabled: boolean): number | null {
  const [n, setN] = useState<number | null>(enabled ? count : null);
  useEffect(() => {
    if (!enabled) return;
    if (countedFor !== getToken()) {
      count = null;
      loadedAt = 0;
    }
    listeners.add(setN);
    setN(count);
    if (Date.now() - loadedAt > STALE_MS) void refreshPendingCount();
    const onVisible = () => document.visibilityState === 'visible' && Date.now() - loadedAt > STALE_MS && void refreshPendingCount();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      listeners.delete(setN);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled]);
  return enabled ? n : null;
}
