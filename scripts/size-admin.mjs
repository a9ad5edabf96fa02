#!/usr/bin/env node
/**
 * First-load JavaScript of the management page (dist/admin), gzipped, from Vite's manifest.
 * A screen's first load is the entry chunk, the page chunks it renders at once (lazy, but fetched
 * immediately) and everything they import statically; dynamic imports inside a page (ECharts in
 * the dashboard's charts, the other pages) are left out because they come after the first paint.
 *
 *   node scripts/size-admin.mjs [distDir]      exits 1 when a first load is over 400 KB gzipped
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const KB = 1024;
export const ADMIN_FIRST_LOAD_LIMIT = 400 * KB;

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The screens a person sees first, by the manifest keys of the chunks they render at once. */
const SCREENS = [
  { name: '登录页 (signed out)', chunks: ['index.html', 'src/pages/Login.tsx'] },
  { name: '工作台 (signed in)', chunks: ['index.html', 'src/pages/Shell.tsx', 'src/pages/Dashboard/index.tsx'] },
];

export function measureAdmin(dist = path.join(root, 'dist/admin')) {
  const manifestFile = path.join(dist, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`No admin build with a manifest at ${path.relative(root, dist)}: run \`npm run build:admin\` first.`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const gz = new Map();
  const gzipOf = (file) => {
    if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
    return gz.get(file);
  };
  const closure = (keys) => {
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  };
  const screens = SCREENS.map((s) => {
    const files = closure(s.chunks);
    return { name: s.name, files: files.length, gzip: files.reduce((n, f) => n + gzipOf(f), 0) };
  });
  const all = Object.values(manifest)
    .map((v) => v.file)
    .filter((f, i, a) => f.endsWith('.js') && a.indexOf(f) === i);
  const lazyTotal = all.reduce((n, f) => n + gzipOf(f), 0);
  const echarts = all.filter((f) => /echarts/.test(f)).reduce((n, f) => n + gzipOf(f), 0);
  return { screens, firstLoad: Math.max(...screens.map((s) => s.gzip)), lazyTotal, echarts, limit: ADMIN_FIRST_LOAD_LIMIT };
}

export function printAdminSize(dist) {
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  const r = measureAdmin(dist);
  console.log(`Management page first load (gzipped JS, limit ${kb(r.limit)}): ${kb(r.firstLoad)} ${r.firstLoad <= r.limit ? 'ok' : 'OVER'}`);
  for (const s of r.screens) console.log(`  ${s.name.padEnd(22)} ${kb(s.gzip).padStart(10)} in ${s.files} files`);
  console.log(`  all chunks together ${kb(r.lazyTotal).padStart(10)} (ECharts ${kb(r.echarts)}, loaded by the dashboard's charts only)`);
  return r;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const r = printAdminSize(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    if (r.firstLoad > r.limit) process.exit(1);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
