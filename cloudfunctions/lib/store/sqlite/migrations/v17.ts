import type { Migration } from './migration';

export const v17: Migration = {
  version: 17,
  name: 'import jobs: staged rows applied in chunks',
  // An import as a job (import-jobs.ts): its planned rows in chunks of bounded size, checked and then
  // written a step at a time, progress saved after each. Finished jobs stay (the page reads why one
  // was rolled back); their chunks go.
  sql: `
    CREATE TABLE import_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('units', 'residents')),
      unit_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file_ref TEXT NOT NULL,
      rows INTEGER NOT NULL,
      chunks INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('staging', 'checking', 'publishing', 'done', 'rolledBack')),
      done INTEGER NOT NULL,
      counts TEXT NOT NULL,
      failure TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      lease_owner TEXT,
      lease_until INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      finished_at INTEGER
    );
    -- The timer's list of jobs not finished, least recently moved first.
    CREATE INDEX import_jobs_open ON import_jobs(state, updated_at);
    CREATE TABLE import_job_chunks (
      job_id TEXT NOT NULL REFERENCES import_jobs(id),
      seq INTEGER NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (job_id, seq)
    );
  `,
};
