// Bundles each cloud function (cloudfunctions/<name>/index.ts) with everything it imports into a
// self-contained dist/cloudfunctions/<name>/index.js, beside its config.json and a package.json
// with no dependencies: each function is deployed alone.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'cloudfunctions');
const out = path.join(root, 'dist/cloudfunctions');

export function functionNames() {
  return readdirSync(src).filter((d) => d !== 'lib' && existsSync(path.join(src, d, 'index.ts')));
}

/** Self-contained exceljs at <function>/node_modules/exceljs, found by the bundle's require('exceljs'). */
async function bundleExceljs(dir) {
  const target = path.join(dir, 'node_modules/exceljs');
  mkdirSync(target, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'node_modules/exceljs')],
    outfile: path.join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // No "name": jest's module map would otherwise see a second package called exceljs.
  writeFileSync(path.join(target, 'package.json'), JSON.stringify({ main: 'index.js', private: true }) + '\n');
}

export async function buildFunctions() {
  rmSync(out, { recursive: true, force: true });
  const names = functionNames();
  const sizes = {};
  for (const name of names) {
    const dir = path.join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [path.join(src, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: true,
      keepNames: true,
      legalComments: 'none',
      // better-sqlite3: only loaded when JINLIN_STORE=sqlite (tests and local runs); never in CloudBase.
      // exceljs: only the desk function's ledger and import use it, on first use. It is bundled on its
      // own into that function's node_modules (below), so the 1 MB is read only when a spreadsheet is
      // made or read, not on every cold start of the dashboard.
      external: ['better-sqlite3', 'exceljs'],
      // wx-server-sdk pins its own copy of node-sdk; one copy per bundle is enough.
      alias: { '@cloudbase/node-sdk': path.join(root, 'node_modules/@cloudbase/node-sdk') },
      logLevel: 'warning',
    });
    if (name === 'desk') await bundleExceljs(dir);
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: `jinlin-${name}`, version: '0.1.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    copyFileSync(path.join(src, name, 'config.json'), path.join(dir, 'config.json'));
    sizes[name] = statSync(path.join(dir, 'index.js')).size;
  }
  writeFileSync(path.join(out, '.built'), JSON.stringify({ at: new Date().toISOString(), sizes }, null, 2));
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const sizes = await buildFunctions();
  for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
  console.log(`cloud functions bundled in ${Date.now() - started} ms → dist/cloudfunctions/`);
}
