// Decides whether a build output is older than any of its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, e.name)));
  }
  return max;
}

/** True if `output` is missing or older than the newest file under any of `sources`. */
export function isStale(root, output, sources) {
  const out = path.join(root, output);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return sources.some((s) => newest(path.join(root, s)) > built);
}

export const TARGETS = {
  h5: { output: 'dist/h5/index.html', sources: ['src', 'config', 'babel.config.js', 'package.json'], script: 'build:h5' },
  weapp: { output: 'dist/weapp/app.js', sources: ['src', 'config', 'babel.config.js', 'package.json'], script: 'build:weapp' },
  admin: { output: 'dist/admin/index.html', sources: ['admin/src', 'admin/public', 'admin/index.html', 'admin/vite.config.ts', 'admin/package.json', 'admin/tsconfig.json', 'src/core'], script: 'build:admin' },
  functions: { output: 'dist/cloudfunctions/.built', sources: ['cloudfunctions', 'src/core', 'config/build-functions.mjs'], script: 'build:functions' },
};
