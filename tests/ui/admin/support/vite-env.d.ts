/**
 * The management page's sources read Vite's import.meta.env (admin/src/router.ts); the root type check
 * reaches them through these tests, without Vite's own types (vite/client lives under admin/). Jest
 * never runs those lines: the tests stand in for the router and the api.
 */
interface ImportMeta {
  readonly env: { readonly BASE_URL: string; readonly [key: string]: string | boolean | undefined };
}
