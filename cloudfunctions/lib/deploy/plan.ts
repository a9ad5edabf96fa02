/**
 * What `npm run deploy` does to a CloudBase environment, as data: the collections and indexes
 * the adapter declares (COLLECTIONS), and every bundled function with its config.json. The plan
 * is computed without credentials (`npm run deploy -- --dry-run` prints it); scripts/deploy.ts
 * carries it out with the official manager SDK.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, type IndexDecl } from '../store/cloudbase';

export interface FunctionConfig {
  timeout?: number;
  memorySize?: number;
  triggers?: { name: string; type: 'timer'; config: string }[];
  permissions?: { openapi?: string[] };
}

export interface IndexStep {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
  /** Why a declared unique index is created without uniqueness, if it is. */
  note?: string;
}

export interface DeployPlan {
  collections: { name: string; indexes: IndexStep[] }[];
  functions: { name: string; dir: string; config: FunctionConfig }[];
}

/**
 * The newest Node.js runtime CloudBase offers (manager-node 5.6 defaults to it and lists
 * Nodejs20.19, 18.15, 16.13, 14.18); Nodejs16.13 is end-of-life, and sharp 0.35, which cleans photos
 * in `reports`, needs Node.js 20.9 or later. config/build-functions.mjs targets the same major
 * (NODE_TARGET). A function keeps the runtime it was created with (functions.ts).
 */
export const RUNTIME = 'Nodejs20.19';

/** A timer's cron has 7 fields, seconds first (CloudBase's format, UTC+8). */
export function isCloudbaseCron(expr: string): boolean {
  return expr.trim().split(/\s+/).length === 7;
}

export function indexStep(idx: IndexDecl): IndexStep {
  const keys = Object.entries(idx.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) }));
  // The management API has no sparse flag: a unique index over an optional field would count
  // every missing value as the same null. Such fields stay unique through the adapter's guard
  // documents, so the index is created for lookups only.
  if (idx.unique && idx.sparse)
    return {
      IndexName: idx.name,
      MgoKeySchema: { MgoIndexKeys: keys, MgoIsUnique: false },
      note: 'unique through guard documents; the API cannot create sparse unique indexes',
    };
  return { IndexName: idx.name, MgoKeySchema: { MgoIndexKeys: keys, MgoIsUnique: !!idx.unique } };
}

export function deployPlan(root: string, prefix = ''): DeployPlan {
  const dist = path.join(root, 'dist/cloudfunctions');
  if (!existsSync(dist)) throw new Error('dist/cloudfunctions is missing: run npm run build:functions first');
  const functions = readdirSync(dist)
    .filter((d) => existsSync(path.join(dist, d, 'index.js')))
    .map((name) => {
      const config = JSON.parse(readFileSync(path.join(dist, name, 'config.json'), 'utf8')) as FunctionConfig;
      for (const t of config.triggers ?? [])
        if (t.type !== 'timer' || !isCloudbaseCron(t.config)) throw new Error(`${name}: trigger ${t.name} needs a 7-field timer cron, got "${t.config}"`);
      if ((config.triggers ?? []).length > 1) throw new Error(`${name}: CloudBase allows one trigger per function`);
      return { name, dir: path.join(dist, name), config };
    });
  return {
    collections: COLLECTIONS.map((c) => ({ name: prefix + c.name, indexes: c.indexes.map(indexStep) })),
    functions,
  };
}
