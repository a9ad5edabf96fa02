/**
 * The echo wall's subpackage (回音壁). Home's tile and the code landing page open it by this path, so
 * only this small file is shared with the main package: it imports nothing.
 */
export const ECHO_PAGES = {
  /** A compound's resolved reports of a month: `?code=<public code>`, `?compound=<id>`, else the caller's own; `&month=YYYY-MM`. */
  wall: '/echo/wall/index',
} as const;

