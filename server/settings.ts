/** The local host's settings, all from environment variables with defaults that just work. */
import path from 'node:path';
import { parseAllowedOrigins } from '../cloudfunctions/lib/cors';

export interface ServerSettings {
  port: number;
  host: string;
  dbFile: string;
  distDir: string;
  /** Fill an empty database with the demo street, community, compounds and people. */
  demo: boolean;
  demoResidents: number;
  /** Past reports in the demo data (scripts/start.mjs asks for some; tests for none). */
  demoReports: number;
  sessionHours: number;
  /** Minutes between runs of the timer jobs. */
  timerMinutes: number;
  /** Origins of pages elsewhere that may call /api/ (JINLIN_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
}

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

export function readSettings(root: string): ServerSettings {
  return {
    port: int('JINLIN_PORT', 8787, 0, 65535),
    host: process.env.JINLIN_HOST || '127.0.0.1',
    dbFile: path.resolve(root, process.env.JINLIN_DB || 'data/jinlin.db'),
    distDir: path.resolve(root, process.env.JINLIN_DIST || 'dist'),
    demo: (process.env.JINLIN_DEMO ?? '1') !== '0',
    demoResidents: int('JINLIN_DEMO_RESIDENTS', 17_600, 0, 1_000_000),
    demoReports: int('JINLIN_DEMO_REPORTS', 0, 0, 100_000),
    sessionHours: int('JINLIN_SESSION_HOURS', 12, 1, 24 * 90),
    timerMinutes: int('JINLIN_TIMER_MINUTES', 5, 1, 24 * 60),
    allowedOrigins: parseAllowedOrigins(process.env.JINLIN_ALLOWED_ORIGINS),
  };
}
