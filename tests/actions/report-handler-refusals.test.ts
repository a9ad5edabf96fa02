/**
 * The handler pages' actions refuse someone who handles nothing with what to do instead, so a page
 * can refuse before it shows a form; a handler of other reports is told whose the report is.
 */
import type { Me, Outputs, ReportDetail, Unit } from '../../src/core';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
const WHAT_INSTEAD = '这个页面是给楼栋长、物业和社区工作人员用的；您可以在首页随手拍反映问题';

describe('handler actions asked by someone who handles nothing', () => {
  let h: Harness;
  let building: Unit;
  let req = 0;
  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
  });
  afterEach(() => h.close());

  const file = async () =>
    data(await h.call<Created>('reports', 'create', { clientRequestId: `refusal-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着' }, await h.as('jumin'))).report;

  const refused = (r: Awaited<ReturnType<Harness['call']>>, message: string) => {
    expectFailure(r, 'AUTH.FORBIDDEN');
    if (!r.ok) expect(r.message).toBe(message);
  };

  it('tells the page who the caller is before any form: whoAmI says they handle nothing', async () => {
    const me = data(await h.call<Me>('auth', 'whoAmI', {}, await h.as('jumin')));
    expect(me.isHandler).toBe(false);
    expect(data(await h.call<Me>('auth', 'whoAmI', {}, await h.as('louzhang'))).isHandler).toBe(true);
  });

  it('refuses the inbox, every view, with what to do instead', async () => {
    const jumin = await h.as('jumin');
    for (const view of ['assigned', 'dueSoon', 'overdue', 'all', 'watching']) refused(await h.call('reports', 'inbox', { view }, jumin), WHAT_INSTEAD);
    refused(await h.call('reports', 'inbox', {}, await h.as('zhiyuan')), WHAT_INSTEAD);
  });

  it('refuses handling the resident’s own report with what to do instead, and writes nothing', async () => {
    const filed = await file();
    const jumin = await h.as('jumin');
    refused(await h.call('reports', 'respond', { id: filed.id, version: filed.version, note: '我自己回一下' }, jumin), WHAT_INSTEAD);
    refused(await h.call('reports', 'resolve', { id: filed.id, version: filed.version, note: '好了' }, jumin), WHAT_INSTEAD);
    refused(await h.call('reports', 'escalate', { id: filed.id, version: filed.version, reason: '太慢了' }, jumin), WHAT_INSTEAD);
    expect((await h.store.reports.get(filed.id))!.version).toBe(filed.version);
  });

  it('refuses recording for a resident with what to do instead', async () => {
    const r = await h.call('reports', 'create', { clientRequestId: `refusal-request-${++req}`, unitId: building.id, category: 'noise', description: '王大爷说楼上很吵', channel: 'group_chat', contactName: '王大爷' }, await h.as('jumin'));
    refused(r, '替居民登记反映是给楼栋长、物业和社区工作人员用的；您自己遇到的问题，可以在首页随手拍反映');
  });

  it('tells a handler of other reports whose this one is', async () => {
    const filed = await file();
    // 陈强 handles the compound's reports; this one is at the building.
    const r = await h.call<ReportDetail>('reports', 'respond', { id: filed.id, version: filed.version }, await h.as('wuye'));
    refused(r, '这条反映现在由楼栋的赵桂兰办理，您可以查看，不能办理');
  });
});
