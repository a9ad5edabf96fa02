/**
 * Recording a report on a resident's behalf (group chat, visit, phone) for a named resident: only
 * for a resident bound inside the recorder's own unit; anyone else is given by name and phone.
 */
import type { Outputs, PersonView, ReportSummary, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, type Harness } from '../support/harness';
import { elsewhere, type Elsewhere } from './support/elsewhere';

type Created = Outputs['reports']['create'];

describe('recording a report for a named resident', () => {
  let h: Harness;
  let e: Elsewhere;
  let building: Unit;
  let req = 0;
  beforeAll(async () => {
    h = await harness();
    e = await elsewhere(h);
    building = await h.unitNamed('1号楼', '幸福里小区');
  });
  afterAll(() => h.close());

  const record = async (cred: Credentials, residentId: string | undefined, channel = 'group_chat', unitId = building.id, extra: Record<string, unknown> = {}) =>
    h.call<Created>('reports', 'create', { clientRequestId: `record-request-${++req}`, unitId, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', channel, residentId, ...extra }, cred);
  const listOf = async (cred: Credentials) => data(await h.call<ReportSummary[]>('reports', 'mine', {}, cred)).map((r) => r.id);
  const refused = async (cred: Credentials, residentId: string, channel: string, unitId = building.id) => {
    const before = await h.store.reports.count({ path: '/' });
    expectFailure(await record(cred, residentId, channel, unitId), 'PERSON.NOT_FOUND', 'residentId');
    expect(await h.store.reports.count({ path: '/' })).toBe(before);
  };

  it('lets the lead record for a resident of their building, into that resident’s list', async () => {
    const sun = (await h.store.people.findByUsername('jumin'))!;
    const { report } = data(await record(await h.as('louzhang'), sun.id));
    expect(report.resident).toMatchObject({ name: '孙福贵' });
    expect(await listOf(await h.as('jumin'))).toContain(report.id);
  });

  it('refuses the lead a resident of another building, compound, community or street, writing nothing', async () => {
    for (const p of Object.values(e.places)) {
      await refused(await h.as('louzhang'), p.resident.id, 'group_chat');
      expect(await listOf(p.resident.cred)).toEqual([p.report.id]);
    }
  });

  it('keeps each recorder to residents bound inside their own unit', async () => {
    const { building: nextDoor, compound, community, street } = e.places;
    // The compound's secretary: the next building of the compound, not the next compound.
    data(await record(await h.as('zhibu'), nextDoor.resident.id, 'visit'));
    await refused(await h.as('zhibu'), compound.resident.id, 'visit');
    // Community staff: every compound of the community, not the next community.
    data(await record(await h.as('shequ'), compound.resident.id, 'phone'));
    await refused(await h.as('shequ'), community.resident.id, 'phone');
    // The street: its communities, not the next street.
    data(await record(await h.as('jiedao'), community.resident.id, 'phone'));
    await refused(await h.as('jiedao'), street.resident.id, 'phone');
  });

  it('records only for someone bound as a resident; anyone else by name and phone', async () => {
    const lead = (await h.store.people.findByUsername('louzhang'))!;
    await refused(await h.as('shequ'), lead.id, 'phone');
    const loose = data(await h.call<PersonView>('people', 'create', { name: '秦新人', phone: '13911110009' }, await h.as('shequ')));
    await refused(await h.as('shequ'), loose.id, 'phone');
    await refused(await h.as('shequ'), 'per_nobody', 'phone');
    const { report } = data(await record(await h.as('shequ'), undefined, 'phone', building.id, { contactName: '秦新人', contactPhone: '13911110009' }));
    expect(report.resident).toEqual({ name: '秦新人', phone: '13911110009' });
  });
});
