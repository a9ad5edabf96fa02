/**
 * A tiny path router: the page has a handful of routes under /admin/, which does not justify a
 * routing library. The server falls back to index.html for any /admin/* path.
 */
import { useEffect, useState } from 'react';

const BASE = import.meta.env.BASE_URL.replace(/\/$/, ''); // "/admin"

export type RouteName = 'login' | 'units' | 'home' | 'unknown';

function current(): string {
  const path = window.location.pathname;
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return rest.replace(/^\/+|\/+$/g, '');
}

export function routeOf(path: string): RouteName {
  if (path === '') return 'home';
  if (path === 'login' || path === 'units') return path;
  return 'unknown';
}

const listeners = new Set<() => void>();

export function navigate(to: 'login' | 'units' | '', opts: { replace?: boolean } = {}): void {
  const url = `${BASE}/${to}`;
  if (url === window.location.pathname) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useRoute(): RouteName {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const update = () => setPath(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return routeOf(path);
}
