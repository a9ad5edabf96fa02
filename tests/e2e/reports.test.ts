/**
 * A report's whole life against the real local host (`npm start` on a fresh database), with the
 * server's test clock (JINLIN_TEST_CLOCK=1) standing in for the days that pass: the resident
 * files, the building lead responds, the deadline passes and the timer moves it to the compound,
 * the compound secretary resolves it, the resident rates it, and the figures count it.
 */
import { startServer, type RunningServer } from './server';

let server: RunningServer;

beforeAll(async () => {
  // No demo reports (npm start seeds some): the figures then count this story's report alone.
  server = await startServer({ env: { JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '200', JINLIN_DEMO_REPORTS: '0' } });
});
afterAll(async () => {
  await server?.stop();
});

async function post<T = any>(fn: string, body: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; data: T; code?: string; message?: string } }> {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function signIn(username: string): Promise<string> {
  const r = await post('auth', { action: 'signIn', data: { username, password: 'demo1234' } });
  expect(r.body.ok).toBe(true);
  return r.body.data.token;
}

const call = async (fn: string, action: string, data: unknown, token: string) => {
  const r = await post(fn, { action, data }, token);
  if (!r.body.ok) throw new Error(`${fn}.${action}: ${r.body.code} ${r.body.message}`);
  return r.body.data;
};

it('files, responds, escalates on breach, resolves, rates, and counts', async () => {
  const resident = await signIn('jumin');
  const me = await call('auth', 'whoAmI', {}, resident);
  const building = me.bindings.find((b: any) => b.role === 'resident').unit;

  // A photo, uploaded as the h5 page does.
  // A valid 2×2 JPEG: the host decodes a photo whole and keeps a re-encoded copy.
  const jpeg = Buffer.from(
    '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAGpH/9k=',
    'base64',
  );
  const up = await fetch(`${server.url}/api/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${resident}` }, body: jpeg });
  const photo = (await up.json()).data;
  const served = await fetch(`${server.url}${photo.url}`);
  expect([served.status, served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'nosniff']);

  const created = await call('reports', 'create', { clientRequestId: 'e2e-request-0001', unitId: building.id, category: 'noise', description: '楼上半夜装修，吵得睡不着', photos: [photo.id] }, resident);
  const id = created.report.id;
  expect(created.report).toMatchObject({ level: 'building', handler: { name: '赵桂兰' } });

  const lead = await signIn('louzhang');
  const inbox = await call('reports', 'inbox', { view: 'assigned' }, lead);
  expect(inbox.reports.map((r: any) => r.id)).toContain(id);
  const responded = await call('reports', 'respond', { id, version: created.report.version, note: '收到，今晚去楼上看看' }, lead);

  // Time passes: two working days later the timer finds it overdue at the building.
  const clock = await post('__test', { advanceMs: 4 * 24 * 3600_000, sweep: true });
  expect(clock.body.data.swept.escalated).toBeGreaterThanOrEqual(1);

  const secretary = await signIn('zhibu');
  const atCompound = await call('reports', 'detail', { id }, secretary);
  expect(atCompound).toMatchObject({ level: 'compound', breached: true, handler: { name: '刘芳' } });
  expect(atCompound.timeline.map((e: any) => e.type)).toEqual(expect.arrayContaining(['breach', 'escalate', 'respond', 'create']));
  expect(responded.version).toBeLessThan(atCompound.version);

  const resolved = await call('reports', 'resolve', { id, version: atCompound.version, note: '已协调楼上晚上十点后停工' }, secretary);
  expect(resolved.status).toBe('resolved');

  // Days later the resident signs in again (web sessions last 12 hours).
  const residentAgain = await signIn('jumin');
  const mine = await call('reports', 'detail', { id }, residentAgain);
  expect(mine.can).toEqual(expect.arrayContaining(['rate', 'dispute']));
  const rated = await call('reports', 'rate', { id, version: mine.version, rating: 'satisfied' }, residentAgain);
  expect(rated.status).toBe('closed');

  const messages = await call('messages', 'list', {}, residentAgain);
  expect(messages.messages.map((m: any) => m.kind)).toEqual(expect.arrayContaining(['report.responded', 'report.escalated', 'report.resolved']));

  const staff = await signIn('shuji');
  const community = (await call('auth', 'whoAmI', {}, staff)).bindings[0].unit;
  const now = (await post('__test', {})).body.data.now;
  const month = new Date(now + 8 * 3600_000 - 4 * 24 * 3600_000).toISOString().slice(0, 7);
  const f = await call('reports', 'figures', { unitId: community.id, month }, staff);
  expect(f).toMatchObject({ reports: 1, resolved: 1, resolvedOnTime: 0, onTimeRate: 0, rated: 1, satisfactionRate: 1, resolvedAtLevel: { compound: 1 } });
}, 120_000);
