#!/usr/bin/env node
/**
 * Size of the mini-program's main package (dist/weapp without its subpackage roots).
 * WeChat refuses a main package over 2 MB; we aim at 500 KB so that an old phone on a weak
 * network opens the app from the building group quickly.
 *
 *   node scripts/size.mjs [distDir]      exits 1 when over 2 MB or when the build is missing
 *
 * Then the management page's first-load JavaScript (scripts/size-admin.mjs): at most 400 KB gzipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printAdminSize } from './size-admin.mjs';

const KB = 1024;
const TARGET = 500 * KB;
const LIMIT = 2 * 1024 * KB;
// Project settings for WeChat DevTools, not part of the uploaded package.
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = path.resolve(root, process.argv[2] ?? 'dist/weapp');

function miniProgram() {
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    console.error(`No mini-program build at ${path.relative(root, dist) || dist}: run \`npx taro build --type weapp\` first.`);
    process.exitCode = 1;
    return;
  }

  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''));

  function walk(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? walk(full) : [{ file: path.relative(dist, full).split(path.sep).join('/'), size: fs.statSync(full).size }];
    });
  }

  const all = walk(dist).filter((f) => !NOT_PACKAGED.has(f.file));
  const subOf = (file) => subRoots.find((r) => file === r || file.startsWith(`${r}/`));
  const main = all.filter((f) => !subOf(f.file));
  const total = main.reduce((n, f) => n + f.size, 0);

  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  console.log(`Mini-program main package: ${kb(total)} in ${main.length} files (target ≤ ${kb(TARGET)}, WeChat limit ${kb(LIMIT)})`);
  console.log('Largest files:');
  for (const f of [...main].sort((a, b) => b.size - a.size).slice(0, 10)) console.log(`  ${kb(f.size).padStart(10)}  ${f.file}`);

  for (const r of subRoots) {
    const size = all.filter((f) => subOf(f.file) === r).reduce((n, f) => n + f.size, 0);
    console.log(`Subpackage ${r}: ${kb(size)}`);
  }

  if (total > LIMIT) {
    console.error(`Main package is over WeChat's 2 MB limit by ${kb(total - LIMIT)}.`);
    process.exitCode = 1;
    return;
  }
  if (total > TARGET) console.warn(`Main package is ${kb(total - TARGET)} over the ${kb(TARGET)} target.`);
}

miniProgram();

console.log('');
try {
  const admin = printAdminSize();
  if (admin.firstLoad > admin.limit) {
    console.error(`Management page first load is over ${admin.limit / 1024} KB gzipped: split the page that grew (React.lazy) or move a heavy library behind import().`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
}
