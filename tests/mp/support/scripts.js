/** What the weapp build wrote: its files, app.json, and which scripts carry a piece of UI text. */
const fs = require('fs');
const path = require('path');
const { DIST } = require('./load-page');

const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const rel = (f) => path.relative(DIST, f).split(path.sep).join('/');
const app = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));

/** The scripts (paths under dist/weapp) whose text holds `s`: the build writes Chinese as UTF-8 characters (config/index.ts). */
const scriptsContaining = (s) =>
  files(DIST)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(s))
    .map(rel);

module.exports = { files, rel, app, scriptsContaining };
