/** Stands in for admin/src/router (Vite's import.meta again): the query string as state, navigations recorded. */
import { useEffect, useState } from 'react';

let search = '';
const listeners = new Set<() => void>();
export const navigations: { to: string; search?: string }[] = [];

export function setSearch(s: string): void {
  search = s;
  listeners.forEach((l) => l());
}

export function currentSearch(): string {
  return search;
}

export function resetRouter(s = ''): void {
  search = s;
  navigations.length = 0;
}

export function replaceSearch(s: string): void {
  setSearch(s);
}

export function navigate(to: string, opts: { search?: string } = {}): void {
  navigations.push({ to, search: opts.search });
  setSearch(opts.search ?? '');
}

export function useSearch(): string {
  const [s, set] = useState(search);
  useEffect(() => {
    const update = () => set(search);
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, []);
  return s;
}
