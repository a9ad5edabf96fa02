/**
 * The build's stand-ins for node-sdk's parts (config/build-functions.mjs): what a function never
 * calls fails loudly, naming itself; what it rarely calls is loaded from the copy bundled beside
 * the function on first use, and works. A probe bundle is built the way the functions are.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../..');

type Probe = {
  tcb: typeof import('@cloudbase/node-sdk');
  FormData: new () => { append(k: string, v: string): void; getHeaders(): Record<string, string>; getBuffer(): Buffer };
  xml2js: { parseString(xml: string, cb: (err: unknown, out: unknown) => void): void };
};

let probe: Probe;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jinlin-sdk-parts-'));
  writeFileSync(
    path.join(dir, 'entry.js'),
    "module.exports = { tcb: require('@cloudbase/node-sdk'), FormData: require('form-data'), xml2js: require('xml2js') };\n",
  );
  const build = `
    import { build } from 'esbuild';
    const cfg = await import(${JSON.stringify(pathToFileURL(path.join(root, 'config/build-functions.mjs')).href)});
    const dir = ${JSON.stringify(dir)};
    await build({ entryPoints: [dir + '/entry.js'], outfile: dir + '/fn/index.js', bundle: true, platform: 'node', format: 'cjs', target: 'node16',
      nodePaths: [${JSON.stringify(path.join(root, 'node_modules'))}], plugins: [cfg.sdkParts], logLevel: 'error',
      alias: { '@cloudbase/node-sdk': ${JSON.stringify(path.join(root, 'node_modules/@cloudbase/node-sdk'))} } });
    for (const pkg of Object.keys(cfg.ON_FIRST_USE)) await cfg.bundleBeside(dir + '/fn', pkg, ${JSON.stringify(path.join(root, 'node_modules/@cloudbase/node-sdk'))});
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', build], { cwd: root, stdio: 'inherit' });
  jest.isolateModules(() => {
    probe = require(path.join(dir, 'fn/index.js'));
  });
}, 60_000);

describe('node-sdk parts a function never calls', () => {
  it('are left out, and a call into one says which and where', () => {
    const app = probe.tcb.init({ env: 'probe-env', secretId: 'id', secretKey: 'key' });
    expect(() => app.ai()).toThrow(/@cloudbase\/ai is left out of this bundle \(config\/build-functions\.mjs UNUSED: app\.ai\(\)\)/);
  });

  it('still let node-sdk start: init, the database, the caller context', () => {
    const app = probe.tcb.init({ env: 'probe-env', secretId: 'id', secretKey: 'key' });
    expect(typeof app.database().collection('units').where).toBe('function');
    expect(probe.tcb.getCloudbaseContext({ environment: JSON.stringify({ WX_OPENID: 'o-1' }) } as never).WX_OPENID).toBe('o-1');
  });
});

describe('node-sdk parts a function may call now and then', () => {
  it('are loaded from the copy beside the function on first use, and work', async () => {
    const form = new probe.FormData();
    form.append('media', 'hello');
    expect(form.getHeaders()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(form.getBuffer().toString()).toContain('hello');
    const parsed = await new Promise((resolve, reject) => probe.xml2js.parseString('<Error><Code>NoSuchKey</Code></Error>', (err, out) => (err ? reject(err) : resolve(out))));
    expect(parsed).toEqual({ Error: { Code: ['NoSuchKey'] } });
    expect(require.resolve('xml2js', { paths: [path.join(dir, 'fn')] })).toBe(path.join(dir, 'fn/node_modules/xml2js/index.js'));
  });
});
