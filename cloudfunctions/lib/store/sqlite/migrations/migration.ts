/** One forward-only step of the schema: applied once, in version order, never edited once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
