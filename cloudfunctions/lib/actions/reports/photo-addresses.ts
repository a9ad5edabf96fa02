/**
 * Where a report's photos are shown from, for the caller at hand. The mini-program loads a cloud
 * fileID itself (`<Image src="cloud://…">`), so its callers get the stored reference as is; a browser
 * (the management page, the h5 pages: callers with a session token) cannot, and gets an address it
 * can load (Photos.urls: in the cloud a temporary one, asked for in one batch per page).
 */
import type { Deps } from '../../deps';
import type { Caller } from '../define';

export async function photoAddresses(deps: Deps, caller: Caller, shown: readonly string[]): Promise<(ref: string) => string> {
  if (caller.via === 'openid' || shown.length === 0) return (ref) => deps.photos.url(ref);
  const refs = [...new Set(shown)];
  const urls = await deps.photos.urls(refs);
  const byRef = new Map(refs.map((ref, i) => [ref, urls[i]]));
  return (ref) => byRef.get(ref) ?? deps.photos.url(ref);
}
