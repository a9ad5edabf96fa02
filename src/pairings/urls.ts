/**
 * The pairings subpackage's pages (联户). 我的 opens 我的联户 by this path, so only this small file is
 * shared with the main package: it imports nothing.
 */
export const PAIRING_PAGES = {
  mine: '/pairings/mine/index',
  visit: '/pairings/visit/index',
} as const;

/** The visit form for one of the member's pairings. */
export const visitUrl = (pairingId: string) => `${PAIRING_PAGES.visit}?id=${encodeURIComponent(pairingId)}`;
