/**
 * Writes tests/mp/support/captured.json: what the real report actions answer in the issue's story,
 * so that the mini-program tests' stand-in for wx.cloud answers with real bodies, not invented ones.
 * Rerun after changing what an action returns:
 *
 *   npx tsx tests/mp/support/capture.ts
 *
 * The story (demo data, Monday 23 Nov 2026 09:00): 孙福贵 files a noise report in 幸福里小区 1号楼;
 * the building lead 赵桂兰 responds; the day passes without a fix, the sweep moves it to the
 * compound, where 刘芳 resolves it;
 * 孙福贵 rates it 满意.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sweep } from '../../../cloudfunctions/lib/jobs/sweep';
import { DEMO_PASSWORD } from '../../../cloudfunctions/lib/actions/auth';
import { data, harness } from '../../support/harness';

const HOUR = 3600_000;

async function main() {
  const h = await harness({ residents: 2 });
  try {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    // Signed in afresh for each call: the story spans more than a session's lifetime.
    const as = async (username: string) => ({ token: data<{ token: string }>(await h.call('auth', 'signIn', { username, password: DEMO_PASSWORD })).token });

    const whoAmI = data(await h.call('auth', 'whoAmI', {}, await as('jumin')));
    const categories = data(await h.call('reports', 'categories', { unitId: building.id }, await as('jumin')));
    const create = data<{ report: { id: string; version: number } }>(
      await h.call(
        'reports',
        'create',
        { clientRequestId: 'captured-request-0001', unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', location: '2单元 502' },
        await as('jumin'),
      ),
    );
    const id = create.report.id;
    const filed = data(await h.call('reports', 'detail', { id }, await as('jumin')));

    h.clock.advance(HOUR);
    const responded = data<{ version: number }>(await h.call('reports', 'respond', { id, version: create.report.version, note: '已联系502住户，今晚上门看看' }, await as('louzhang')));
    // Past the building's 1 working day: the sweep escalates it to the compound.
    h.clock.advance(9 * HOUR);
    await sweep(h.deps, 'capture');
    const escalated = data<{ version: number }>(await h.call('reports', 'detail', { id }, await as('jumin')));

    h.clock.advance(2 * HOUR);
    const atCompound = data<{ version: number }>(await h.call('reports', 'detail', { id }, await as('zhibu')));
    const resolvedForHandler = data(
      await h.call('reports', 'resolve', { id, version: atCompound.version, note: '已和502住户谈好，晚上8点后不再施工' }, await as('zhibu')),
    );
    const resolved = data(await h.call('reports', 'detail', { id }, await as('jumin')));
    void responded;
    void resolvedForHandler;
    const rated = data(await h.call('reports', 'rate', { id, version: (resolved as { version: number }).version, rating: 'satisfied' }, await as('jumin')));

    const out = { capturedAt: new Date(h.clock.now()).toISOString(), whoAmI, categories, create, filed, escalated, resolved, rated };
    writeFileSync(path.join(__dirname, 'captured.json'), `${JSON.stringify(out, null, 1)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), path.join(__dirname, 'captured.json'))}`);
  } finally {
    h.close();
  }
}

void main();
