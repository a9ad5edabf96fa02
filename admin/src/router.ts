/**
 * A tiny path router: the page has a handful of routes under /admin/, which does not justify a
 * routing library. The server falls back to index.html for any /admin/* path. What a page shows
 * (a desk filter, a unit) lives in the query string, so a reload or a shared link opens the same.
 */
import { useEffect, useState } from 'react';

const BASE = import.meta.env.BASE_URL.replace(/\/$/, ''); // "/admin"

export const PAGES = [
  'dashboard',
  'desk',
  'approvals',
  'agenda',
  'units',
  'codes',
  'settings',
  'holidays',
  'ledger',
  'audit',
  'open311',
  // 党员: the party members' pages, one menu section.
  'members/checkins',
  'members/roster',
  'members/counts',
  'members/points',
  // 网格 (党群小家: households per grid, lead and steward) and 联户 (members paired with households, their visits).
  'grids',
  'pairings',
  // 讲堂: lectures, the speaker pool, the month's figures; a lecture's roster and venue screen (no menu entries, ?id=<lecture>).
  'lectures',
  'lectures/speakers',
  'lectures/figures',
  'lectures/roster',
  'lectures/venue',
  // 积分与心愿: the points ledger, the community's rules, service records to confirm, the shop, micro-wishes.
  'points',
  'points/rules',
  'points/services',
  'shop',
  'wishes',
  'wishes/all',
  // 物业测评: the month's review, property companies, the policy; one compound's month as an A4 notice (no menu entry, ?id=<compound>:<month>).
  'assessments',
  'assessments/companies',
  'assessments/policy',
  'assessments/print',
  // 回音壁: a compound's resolved reports of a month, printable on A4 for the notice board.
  'echo',
  // 议事协商: topics, one topic (no menu entry, ?id=<topic>), a compound's 公约.
  'deliberation',
  'deliberation/topic',
  'deliberation/rules',
  // 共建单位: partners (a partner opens in a drawer), the needs, the resources, projects (?id= opens one), visits, the year's figures.
  'partners',
  'partners/needs',
  'partners/resources',
  'partners/projects',
  'partners/visits',
  'partners/figures',
] as const;
export type PageName = (typeof PAGES)[number];
/** codePoster: one code's printable poster, codes/<id>/poster (a page of 码 without a menu entry of its own). */
export type RouteName = 'login' | 'home' | 'unknown' | 'codePoster' | PageName;

const CODE_POSTER = /^codes\/([0-9a-z]+)\/poster$/;

/** The path of a code's poster (its query names the unit whose list holds the code: `unit=<id>`). */
export function codePosterPath(codeId: string): `codes/${string}/poster` {
  return `codes/${encodeURIComponent(codeId)}/poster`;
}

/** The code id of the poster route being shown, or null on any other route. */
export function posterCodeId(): string | null {
  return CODE_POSTER.exec(current())?.[1] ?? null;
}

function current(): string {
  const path = window.location.pathname;
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return rest.replace(/^\/+|\/+$/g, '');
}

export function routeOf(path: string): RouteName {
  if (path === '') return 'home';
  if (path === 'login') return 'login';
  if ((PAGES as readonly string[]).includes(path)) return path as PageName;
  if (CODE_POSTER.test(path)) return 'codePoster';
  return 'unknown';
}

const listeners = new Set<() => void>();

/** Goes to a page (or a code's poster); `search` (without "?") replaces the query string. */
export function navigate(to: 'login' | PageName | '' | `codes/${string}/poster`, opts: { replace?: boolean; search?: string } = {}): void {
  const url = `${BASE}/${to}${opts.search ? `?${opts.search}` : ''}`;
  if (url === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

/** The address of a page, for a link that opens it in a new tab (a notice to print beside the table). */
export function hrefOf(to: PageName, search?: string): string {
  return `${BASE}/${to}${search ? `?${search}` : ''}`;
}

/** Where the person was (path and query, without the /admin prefix), to return there after signing in again. */
export function currentLocation(): string {
  return `${current()}${window.location.search}`;
}

/** Returns to a location recorded by currentLocation(). */
export function restoreLocation(loc: string): boolean {
  const [path, search] = loc.split('?');
  const route = routeOf(path);
  if (route === 'login' || route === 'home' || route === 'unknown') return false;
  navigate(route === 'codePoster' ? (path as `codes/${string}/poster`) : route, { replace: true, search });
  return true;
}

/** Replaces the query string without a new history entry (filters typed on a page). */
export function replaceSearch(search: string): void {
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (url === window.location.pathname + window.location.search) return;
  window.history.replaceState(null, '', url);
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

/** The query string, kept current across navigate/replaceSearch/back. */
export function useSearch(): string {
  const [search, setSearch] = useState(() => window.location.search.replace(/^\?/, ''));
  useEffect(() => {
    const update = () => setSearch(window.location.search.replace(/^\?/, ''));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return search;
}
