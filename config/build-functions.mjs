// Bundles each cloud function (cloudfunctions/<name>/index.ts) with everything it imports into a
// self-contained dist/cloudfunctions/<name>/index.js, beside its config.json and a package.json
// with no dependencies: each function is deployed alone. A cold start parses the whole index.js, so
// what a function never or rarely runs is kept out of it (UNUSED, ON_FIRST_USE, external below).
// `node config/build-functions.mjs --analyze` also prints what each bundle holds, by package
// (esbuild's metafile): where to look when a bundle grows.
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'cloudfunctions');
const out = path.join(root, 'dist/cloudfunctions');
const sdkDir = path.join(root, 'node_modules/@cloudbase/node-sdk');
/**
 * The syntax the bundles are written for: the major of the runtime the functions are deployed on
 * (RUNTIME in cloudfunctions/lib/deploy/plan.ts, Nodejs20.19; tests/functions/deploy.test.ts keeps
 * the two together).
 */
export const NODE_TARGET = 'node20';

/**
 * Parts of @cloudbase/node-sdk we never call, left out of every bundle: node-sdk requires them when
 * it loads, so they would be parsed on every cold start. Each is replaced by a module whose every
 * property throws, naming itself, so a later use fails loudly (and in the bundled-function tests,
 * tests/functions/bundle.test.ts) instead of quietly. Before calling one of these APIs, take its
 * line out.
 */
export const UNUSED = {
  // app.ai() (createAI) only: node-sdk's dist/ai/index.js requires these three when it loads.
  '@cloudbase/ai': 'app.ai()',
  '@cloudbase/app': 'app.ai(), its only importer in node-sdk',
  'web-streams-polyfill': "app.ai()'s streamed answers",
  // app.models (data models) and app.rdb(): node-sdk's init builds them inside a try/catch.
  '@cloudbase/wx-cloud-client-sdk': 'app.models and app.rdb()',
  // app.auth().createTicket (custom sign-in tickets); our own sessions are lib/auth/tokens.
  jsonwebtoken: 'app.auth().createTicket()',
};

/**
 * Parts of node-sdk that some call we may well make needs, but not a cold start: each is bundled on
 * its own into the function's node_modules and required on its first use (through a stand-in that
 * forwards to it), the way the management function carries exceljs.
 */
export const ON_FIRST_USE = {
  // Reads the storage service's XML answers: app.uploadFile.
  xml2js: 'app.uploadFile()',
  // Multipart requests (callCompatibleWxOpenApi, callWxPayApi, wxCallContainerApi) and axios's
  // multipart bodies; with it go mime-types and its 130 KB table.
  'form-data': 'multipart calls',
  // The metadata service, asked only outside SCF (or for a CVM role's keys), and app.requestClient.
  axios: 'metadata lookups outside SCF, app.requestClient',
  // Keep-alive sockets, which node-sdk uses only outside SCF, and proxies (the `proxy` option).
  agentkeepalive: 'keep-alive outside SCF',
  'https-proxy-agent': 'the proxy option',
  'http-proxy-agent': 'the proxy option',
};

/**
 * The order ICU's root collation gives keys made of a-z, 0-9, '_' and '-' ('_' < '-' < digits <
 * letters, first difference decides, a prefix first), which is what `localeCompare` answers for them
 * in the en and zh locales; anything else is left to `localeCompare`. @cloudbase/signature-nodejs
 * sorts the keys it signs (lower-cased header and parameter names) with `localeCompare`, and the
 * first call builds ICU's collator: about 8 ms of a cold start's first request. Same order, same
 * signature, without the collator.
 */
export function rootOrder(l, r) {
  const a = l.toString();
  const b = String(r);
  const plain = /^[a-z0-9_-]*$/;
  if (!plain.test(a) || !plain.test(b)) return a.localeCompare(b);
  const rank = (c) => (c === 95 ? 0 : c === 45 ? 1 : c <= 57 ? c - 46 : c - 85);
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = rank(a.charCodeAt(i)) - rank(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const SIGNED_KEYS_SORT = '.sort((l, r) => l.toString().localeCompare(r))';

const exact = (names) => new RegExp(`^(${names.map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`);

export const sdkParts = {
  name: 'sdk-parts',
  setup(b) {
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]signature-nodejs[\\/]lib[\\/]keyvalue\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      // A newer signature-nodejs sorts some other way: look at it before building again.
      if (!text.includes(SIGNED_KEYS_SORT)) throw new Error(`${args.path} no longer sorts with ${SIGNED_KEYS_SORT} (config/build-functions.mjs rootOrder)`);
      return { loader: 'js', contents: text.replace(SIGNED_KEYS_SORT, `.sort(${rootOrder})`) };
    });
    // node-sdk reads its version from ../../package.json beside itself when it loads; bundled, that
    // file is not there, so a cold start paid for a failed read and every request said "unknow".
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
      loader: 'js',
      contents: `exports.version = ${JSON.stringify(JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')).version)};`,
    }));
    b.onResolve({ filter: exact(Object.keys(UNUSED)) }, (args) => ({ path: args.path, namespace: 'unused' }));
    b.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      loader: 'js',
      // __esModule, default, then and symbols answer undefined: CommonJS interop helpers read them.
      contents: `const pass = new Set(['__esModule', 'default', 'then']);
module.exports = new Proxy({}, { get(_, key) {
  if (typeof key === 'symbol' || pass.has(key)) return undefined;
  throw new Error(${JSON.stringify(`${args.path} is left out of this bundle (config/build-functions.mjs UNUSED: ${UNUSED[args.path]})`)} + ': ' + key);
} });`,
    }));
    // The stand-in's own require is left for node to resolve, to the copy in the function's node_modules.
    b.onResolve({ filter: exact(Object.keys(ON_FIRST_USE)) }, (args) =>
      args.namespace === 'on-first-use' ? { path: args.path, external: true } : { path: args.path, namespace: 'on-first-use' },
    );
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      // A function target, so the stand-in also serves `new FormData()` and calls.
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(function () {}, {
  get(_, key) { return key === '__esModule' ? undefined : load()[key]; },
  has(_, key) { return key in load(); },
  construct(_, args) { return new (load())(...args); },
  apply(_, self, args) { return load().apply(self, args); },
});`,
    }));
  },
};

const coreDir = path.join(root, 'src/core') + path.sep;

/**
 * The domain core is pure (DESIGN.md: no I/O, nothing done on load but building constants), so a
 * core module none of whose exports a function uses is left out, even when it is reached through
 * the core's index: a function's bundle builds only its own input schemas (core/schemas/<function>)
 * although every action imports the index. What esbuild cannot see, `sideEffects: false` tells it.
 */
export const pureCore = {
  name: 'pure-core',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.pureCore) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pureCore: true } });
      if (found.errors.length || !found.path.startsWith(coreDir)) return undefined;
      return { path: found.path, sideEffects: false };
    });
  },
};

export function functionNames() {
  return readdirSync(src).filter((d) => d !== 'lib' && existsSync(path.join(src, d, 'index.ts')));
}

/** A package bundled on its own into dir/node_modules/<pkg>/index.js, found there by the bundle's require. */
export async function bundleBeside(dir, pkg, from = root) {
  const target = path.join(dir, 'node_modules', pkg);
  mkdirSync(target, { recursive: true });
  await build({
    entryPoints: [createRequire(path.join(from, 'package.json')).resolve(pkg)],
    outfile: path.join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: NODE_TARGET,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // No "name": jest's module map would otherwise see a second package of that name.
  writeFileSync(path.join(target, 'package.json'), JSON.stringify({ main: 'index.js', private: true }) + '\n');
}

/**
 * The functions that load wx-server-sdk, on first use: codes draws mini-program codes
 * (ports/code-image.cloud.ts); groups and registration trade a group's cloudID for its openGId
 * (ports/open-data.group.cloud.ts).
 */
export const WX_SERVER_SDK_BESIDE = ['codes', 'groups', 'registration'];

/** The functions that make or read spreadsheets (the ledger and imports; the members' roster; a lecture's roster; the points ledger; the partners' year-end figures), loading exceljs on first use. */
export const EXCELJS_BESIDE = ['management', 'members', 'lectures', 'points', 'partners'];

/**
 * Native packages, by the functions that run them: sharp (libvips) cleans the photos a report
 * links (lib/ports/photos/clean.ts), so it travels beside `reports`, and beside `lectures` and
 * `wishes`, `deliberation` and `partners`, whose pictures, fulfilment, topic and project result photos are kept the same way. Every bundle leaves it external and requires it on first use only,
 * so the others neither carry nor load it.
 */
export const NATIVE_BESIDE = { reports: ['sharp'], lectures: ['sharp'], wishes: ['sharp'], deliberation: ['sharp'], partners: ['sharp'] };

/** Where CloudBase runs a function: its optional per-platform packages are the ones copied. */
const TARGET = { os: 'linux', cpu: 'x64', libc: 'glibc' };
/** Files a package needs only to be built, typed or read about. */
const NOT_AT_RUN_TIME = /(\.(md|markdown|d\.ts|d\.mts|d\.cts|mjs|map|cc|cpp|h|gyp)$)|^(src|install)(\/|$)|(^|\/)\.bin(\/|$)/i;

function packageDir(pkg, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pkg);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

const forTarget = (manifest) =>
  (!manifest.os || manifest.os.includes(TARGET.os)) && (!manifest.cpu || manifest.cpu.includes(TARGET.cpu)) && (!manifest.libc || manifest.libc.includes(TARGET.libc));

/**
 * A native package copied as installed (esbuild cannot inline a .node file and the library it
 * loads) into dir/node_modules, with what it requires at run time: its dependencies, and of its
 * optional ones those for TARGET (sharp: @img/sharp-linux-x64 and @img/sharp-libvips-linux-x64,
 * whose libvips-cpp.so the first finds by a path relative to itself, ../../sharp-libvips-linux-x64).
 */
export function copyNative(dir, pkg, from = root) {
  const source = packageDir(pkg, from);
  if (!source) throw new Error(`${pkg} is not installed: npm install`);
  const target = path.join(dir, 'node_modules', pkg);
  if (existsSync(target)) return;
  cpSync(source, target, { recursive: true, filter: (file) => !NOT_AT_RUN_TIME.test(path.relative(source, file).split(path.sep).join('/')) });
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const optional = Object.keys(manifest.optionalDependencies ?? {});
  for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...optional]) {
    const found = packageDir(dep, source);
    // Nested under the package itself: copied with it.
    if (found?.startsWith(source + path.sep)) continue;
    if (!found) {
      if (optional.includes(dep)) continue;
      throw new Error(`${pkg} needs ${dep}, which is not installed`);
    }
    if (optional.includes(dep) && !forTarget(JSON.parse(readFileSync(path.join(found, 'package.json'), 'utf8')))) continue;
    copyNative(dir, dep, source);
  }
  if (pkg === 'sharp' && !existsSync(path.join(dir, 'node_modules/@img/sharp-linux-x64')))
    throw new Error('sharp for linux-x64 is not installed (building elsewhere? npm install --os=linux --cpu=x64 --libc=glibc sharp)');
}

/** Bytes in the bundle by package (ours by folder), largest first. */
export function byPackage(metafile) {
  const sums = {};
  for (const output of Object.values(metafile.outputs))
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkgs = [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1]);
      const key = pkgs.length ? pkgs.join(' > ') : /^(unused|on-first-use):/.test(file) ? `stand-in for ${file}` : file.split('/').slice(0, 3).join('/');
      sums[key] = (sums[key] ?? 0) + bytesInOutput;
    }
  return Object.entries(sums).sort((a, b) => b[1] - a[1]);
}

export async function buildFunctions({ analyze = false } = {}) {
  rmSync(out, { recursive: true, force: true });
  // The ON_FIRST_USE packages are the same for every function: bundled once, copied beside each.
  const shared = path.join(out, '.on-first-use');
  for (const pkg of Object.keys(ON_FIRST_USE)) await bundleBeside(shared, pkg, sdkDir);
  const sizes = {};
  // What each bundle holds (our files, and packages by name), for the tests that keep each function
  // to its own actions and out of what it never runs.
  const sources = {};
  const packages = {};
  for (const name of functionNames()) {
    const dir = path.join(out, name);
    mkdirSync(dir, { recursive: true });
    const result = await build({
      entryPoints: [path.join(src, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      minify: true,
      keepNames: true,
      legalComments: 'none',
      // better-sqlite3: only loaded when JINLIN_STORE=sqlite (tests and local runs); never in CloudBase.
      // exceljs: only the management function's ledger and import, and the members function's roster export,
      // use it, on first use. It is bundled on its own into those functions' node_modules (EXCELJS_BESIDE), so the 1 MB is read only when a spreadsheet is
      // made or read, not on every cold start of the dashboard.
      // qrcode: the local host's QR codes (ports/code-image qrCodeImage), required when one is drawn;
      // in the cloud a function draws mini-program codes with wx-server-sdk, or none.
      // wx-server-sdk: only the codes function draws a mini-program code (its image action, once a
      // code), and only groups and registration read the WeChat group a page was opened in
      // (getOpenData); bundled beside those (WX_SERVER_SDK_BESIDE) and required then, so a scan's
      // resolve does not parse 330 KB.
      // sharp: native, and needed only where photos are linked; copied beside those (NATIVE_BESIDE).
      external: ['better-sqlite3', 'exceljs', 'qrcode', 'sharp', 'wx-server-sdk'],
      // wx-server-sdk pins its own copy of node-sdk; one copy per bundle is enough.
      alias: { '@cloudbase/node-sdk': sdkDir },
      plugins: [sdkParts, pureCore],
      metafile: true,
      logLevel: 'warning',
    });
    if (analyze) {
      console.log(`${name}:`);
      for (const [key, bytes] of byPackage(result.metafile).slice(0, 25)) console.log(`  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${key}`);
    }
    // What the bundle holds: esbuild's inputs also list what it read and then left out (pure-core).
    const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
    sources[name] = inputs.filter((f) => !f.includes('node_modules') && !f.includes(':')).sort();
    packages[name] = [...new Set(inputs.flatMap((f) => [...f.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1])))].sort();
    for (const pkg of Object.keys(ON_FIRST_USE))
      if (inputs.includes(`on-first-use:${pkg}`)) cpSync(path.join(shared, 'node_modules', pkg), path.join(dir, 'node_modules', pkg), { recursive: true });
    if (EXCELJS_BESIDE.includes(name)) await bundleBeside(dir, 'exceljs');
    if (WX_SERVER_SDK_BESIDE.includes(name)) await bundleBeside(dir, 'wx-server-sdk');
    for (const pkg of NATIVE_BESIDE[name] ?? []) copyNative(dir, pkg);
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: `jinlin-${name}`, version: '0.1.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    copyFileSync(path.join(src, name, 'config.json'), path.join(dir, 'config.json'));
    sizes[name] = statSync(path.join(dir, 'index.js')).size;
  }
  rmSync(shared, { recursive: true, force: true });
  writeFileSync(path.join(out, '.built'), JSON.stringify({ at: new Date().toISOString(), sizes, sources, packages }, null, 2));
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const sizes = await buildFunctions({ analyze: process.argv.includes('--analyze') });
  for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
  console.log(`cloud functions bundled in ${Date.now() - started} ms → dist/cloudfunctions/`);
}
