/**
 * Requests an intruder would send: every demo role against a report, a resident and the units of
 * another building, compound, community and street (tests/actions/support/elsewhere.ts). Each is
 * refused, or answered without anything of the place, and nothing there changes.
 */
import type { Result, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { expectFailure, harness, type Harness } from '../support/harness';
import { elsewhere, type Distance, type Elsewhere, type Place } from './support/elsewhere';
import { previewFile } from './support/imports';

/** Each demo person, and the distances that are foreign to them (beyond the subtree their bindings give them). */
const ATTACKERS: Record<string, Distance[]> = {
  jumin: ['building', 'compound', 'community', 'street'],
  dangyuan: ['building', 'compound', 'community', 'street'],
  zhiyuan: ['building', 'compound', 'community', 'street'],
  louzhang: ['building', 'compound', 'community', 'street'],
  zhibu: ['compound', 'community', 'street'],
  wuye: ['compound', 'community', 'street'],
  shequ: ['community', 'street'],
  shuji: ['community', 'street'],
  jiedao: ['street'],
};
/** Roles bound on the compound see its units' names (not its reports or people): the next building's tree is theirs to read. */
const SEES_COMPOUND_UNITS = ['dangyuan', 'zhiyuan'];

interface Ctx {
  h: Harness;
  cred: Credentials;
  me: string;
  who: string;
  distance: Distance;
  place: Place;
  /** The attacker's own building (1号楼 of 幸福里小区, inside every demo person's subtree). */
  home: Unit;
  /** An unread message of the place's resident. */
  messageId: string;
}

type Call = (c: Ctx) => Promise<Result<unknown>>;
type Check = (r: Result<unknown>, c: Ctx) => void;
interface Attempt {
  call: Call;
  check: Check;
  skip?: (c: Pick<Ctx, 'who' | 'distance'>) => boolean;
}

const refused =
  (...codes: string[]): Check =>
  (r) => {
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(codes).toContain(r.code);
      expectFailure(r, r.code);
    }
  };
/** Answered, but without the place's report, resident or units (or refused outright). */
const nothingOf =
  (...orCodes: string[]): Check =>
  (r, c) => {
    if (!r.ok && orCodes.length) return refused(...orCodes)(r, c);
    expect(r.ok).toBe(true);
    const text = JSON.stringify(r.ok ? r.data : null);
    for (const secret of [c.place.report.id, c.place.resident.id, c.place.resident.name, c.place.building.id, c.messageId]) expect(text).not.toContain(secret);
  };

const version = async (c: Ctx) => (await c.h.store.reports.get(c.place.report.id))!.version;
const onReport =
  (action: string, extra: Record<string, unknown> = {}): Call =>
  async (c) =>
    c.h.call('reports', action, { id: c.place.report.id, version: await version(c), ...extra }, c.cred);
const csv = (name: string, phone: string) => Buffer.from(`\uFEFF姓名,手机号,所在楼栋,角色\n${name},${phone},1号楼,居民\n`, 'utf8');
const CSV = csv('入侵者', '13911119999');
/** A residents file for the caller's own building naming the place's resident by their phone (under `name`), uploaded and previewed. */
const importOf = async (c: Ctx, name: string) =>
  previewFile(c.h, c.cred, { kind: 'residents', unitId: c.home.id, fileName: '名单.csv', bytes: csv(name, (await c.h.store.people.get(c.place.resident.id))!.phone!) });
const foreignCommunity = ({ distance }: Pick<Ctx, 'distance'>) => distance === 'building' || distance === 'compound';

const ATTEMPTS: Record<string, Attempt> = {
  'reports.detail': { call: (c) => c.h.call('reports', 'detail', { id: c.place.report.id }, c.cred), check: refused('REPORT.NOT_FOUND') },
  'reports.follow': { call: (c) => c.h.call('reports', 'follow', { id: c.place.report.id }, c.cred), check: refused('REPORT.NOT_FOUND') },
  'reports.comment': { call: onReport('comment', { note: '看过了' }), check: refused('REPORT.NOT_FOUND') },
  'reports.respond': { call: onReport('respond'), check: refused('REPORT.NOT_FOUND') },
  'reports.resolve': { call: onReport('resolve', { note: '已处理' }), check: refused('REPORT.NOT_FOUND') },
  'reports.escalate': { call: onReport('escalate', { reason: '解决不了' }), check: refused('REPORT.NOT_FOUND') },
  'reports.transfer': { call: onReport('transfer', { department: '派出所' }), check: refused('REPORT.NOT_FOUND') },
  'reports.requestInfo': { call: onReport('requestInfo', { question: '您家几号？' }), check: refused('REPORT.NOT_FOUND') },
  'reports.requestExtension': { call: onReport('requestExtension', { days: 2, reason: '等配件' }), check: refused('REPORT.NOT_FOUND') },
  'reports.decideExtension': { call: onReport('decideExtension', { approve: true }), check: refused('REPORT.NOT_FOUND') },
  'reports.reject': { call: onReport('reject', { kind: 'notActionable', reason: '不归我们管' }), check: refused('REPORT.NOT_FOUND') },
  'reports.provideInfo': { call: onReport('provideInfo', { answer: '三单元' }), check: refused('REPORT.NOT_FOUND') },
  'reports.dispute': { call: onReport('dispute', { reason: '还没好' }), check: refused('REPORT.NOT_FOUND') },
  'reports.rate': { call: onReport('rate', { rating: 'unsatisfied', note: '差' }), check: refused('REPORT.NOT_FOUND') },
  'reports.closeFollowUp': { call: onReport('closeFollowUp', { note: '回访了' }), check: refused('REPORT.NOT_FOUND') },
  'reports.describe': { call: onReport('describe', { text: '听到了：楼道灯坏了' }), check: refused('REPORT.NOT_FOUND') },
  'reports.similar': { call: (c) => c.h.call('reports', 'similar', { unitId: c.place.building.id, category: 'noise' }, c.cred), check: nothingOf() },
  'reports.create on the place, as its resident': {
    call: (c) => c.h.call('reports', 'create', { clientRequestId: `intruder-${c.who}-${c.distance}-own`, unitId: c.place.building.id, category: 'noise', description: '楼上半夜装修' }, c.cred),
    check: refused('REPORT.NOT_RESIDENT'),
  },
  'reports.create on the place, from the group chat': {
    call: (c) =>
      c.h.call('reports', 'create', { clientRequestId: `intruder-${c.who}-${c.distance}-chat`, unitId: c.place.building.id, category: 'noise', description: '楼上半夜装修', channel: 'group_chat', contactName: '王大爷' }, c.cred),
    check: refused('AUTH.FORBIDDEN'),
  },
  'reports.create at home, for the place’s resident': {
    call: (c) =>
      c.h.call('reports', 'create', { clientRequestId: `intruder-${c.who}-${c.distance}-for`, unitId: c.home.id, category: 'noise', description: '楼上半夜装修', channel: 'group_chat', residentId: c.place.resident.id }, c.cred),
    check: refused('PERSON.NOT_FOUND', 'AUTH.FORBIDDEN'),
  },
  'reports.figures': { call: (c) => c.h.call('reports', 'figures', { unitId: c.place.building.id, month: '2026-11' }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'reports.inbox (all)': { call: (c) => c.h.call('reports', 'inbox', { view: 'all' }, c.cred), check: nothingOf('AUTH.FORBIDDEN') },
  // Someone who handles nothing is refused the inbox outright (with what to do instead).
  'reports.inbox (assigned)': { call: (c) => c.h.call('reports', 'inbox', {}, c.cred), check: nothingOf('AUTH.FORBIDDEN') },
  'reports.mine': { call: (c) => c.h.call('reports', 'mine', {}, c.cred), check: nothingOf() },
  'people.search': { call: (c) => c.h.call('people', 'search', { q: c.place.resident.name }, c.cred), check: nothingOf('AUTH.FORBIDDEN') },
  'units.tree of the place': {
    call: (c) => c.h.call('units', 'tree', { rootId: c.place.building.id }, c.cred),
    check: refused('AUTH.FORBIDDEN'),
    skip: ({ who, distance }) => distance === 'building' && SEES_COMPOUND_UNITS.includes(who),
  },
  'units.bindings': { call: (c) => c.h.call('units', 'bindings', { unitId: c.place.building.id }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'units.bind myself into the place': { call: (c) => c.h.call('units', 'bind', { unitId: c.place.building.id, personId: c.me, role: 'resident' }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'units.bind the place’s resident at home': {
    call: (c) => c.h.call('units', 'bind', { unitId: c.home.id, personId: c.place.resident.id, role: 'resident' }, c.cred),
    check: refused('AUTH.FORBIDDEN', 'PERSON.NOT_FOUND'),
  },
  'units.unbind the place’s resident': {
    call: async (c) => c.h.call('units', 'unbind', { bindingId: (await c.h.store.bindings.listForPerson(c.place.resident.id))[0].id }, c.cred),
    check: refused('AUTH.FORBIDDEN'),
  },
  'units.rename': { call: (c) => c.h.call('units', 'rename', { id: c.place.building.id, name: '被改名楼', version: 1 }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'units.create': { call: (c) => c.h.call('units', 'create', { parentId: c.place.compound.id, kind: 'building', name: '入侵楼' }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'units.archive': { call: (c) => c.h.call('units', 'archive', { id: c.place.building.id, version: 1 }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'units.move': { call: (c) => c.h.call('units', 'move', { id: c.place.building.id, parentId: c.home.parentId, version: 1 }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'messages.markRead': {
    call: (c) => c.h.call('messages', 'markRead', { ids: [c.messageId] }, c.cred),
    check: (r) => expect(r).toMatchObject({ ok: true, data: { marked: 0 } }),
  },
  'messages.list': { call: (c) => c.h.call('messages', 'list', {}, c.cred), check: nothingOf() },
  'management.dashboard': { call: (c) => c.h.call('management', 'dashboard', { unitId: c.place.building.id }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.list': { call: (c) => c.h.call('management', 'list', { filter: { unitId: c.place.building.id } }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.agenda': { call: (c) => c.h.call('management', 'agenda', { unitId: c.place.building.id, date: '2026-11-23' }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.ledger': { call: (c) => c.h.call('management', 'ledger', { unitId: c.place.building.id, from: '2026-11-01', to: '2026-11-30' }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.audit of the place': { call: (c) => c.h.call('management', 'audit', { unitId: c.place.building.id }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.audit of the report': { call: (c) => c.h.call('management', 'audit', { targetId: c.place.report.id }, c.cred), check: nothingOf('AUTH.FORBIDDEN') },
  'management.handlers': { call: (c) => c.h.call('management', 'handlers', { unitId: c.place.building.id }, c.cred), check: refused('AUTH.FORBIDDEN') },
  'management.reassign': {
    call: async (c) => c.h.call('management', 'reassign', { reports: [{ id: c.place.report.id, version: await version(c) }], handlerId: c.me }, c.cred),
    check: (r) => {
      if (!r.ok) return refused('AUTH.FORBIDDEN')(r, undefined as never);
      expect(r.data).toMatchObject({ results: [{ ok: false, code: 'REPORT.NOT_FOUND' }] });
    },
  },
  'management.importPreview': {
    call: async (c) => (await previewFile(c.h, c.cred, { kind: 'residents', unitId: c.place.building.id, fileName: '名单.csv', bytes: CSV })).preview,
    check: refused('AUTH.FORBIDDEN'),
  },
  'management.importPreview at home, naming the place’s resident by phone': {
    call: async (c) => (await importOf(c, '冒名者')).preview,
    check: nothingOf('AUTH.FORBIDDEN'),
  },
  'management.importCommit at home, of the place’s resident': {
    call: async (c) => {
      const { preview, input } = await importOf(c, c.place.resident.name);
      return preview.ok ? c.h.call('management', 'importCommit', { ...input, digest: preview.data.digest }, c.cred) : preview;
    },
    check: refused('AUTH.FORBIDDEN', 'IMPORT.HAS_ERRORS'),
  },
  'management.settings': { call: (c) => c.h.call('management', 'settings', { communityId: c.place.community.id }, c.cred), check: refused('AUTH.FORBIDDEN'), skip: foreignCommunity },
  'management.resetSettings': {
    call: (c) => c.h.call('management', 'resetSettings', { communityId: c.place.community.id, version: 1 }, c.cred),
    check: refused('AUTH.FORBIDDEN'),
    skip: foreignCommunity,
  },
};

describe('foreign requests', () => {
  let h: Harness;
  let e: Elsewhere;
  let home: Unit;
  const messages: Record<string, string> = {};
  const before = new Map<string, unknown>();
  /** What must not change at a place, whatever was sent. */
  const stateOf = async (p: Place) => ({
    report: await h.store.reports.get(p.report.id),
    timeline: (await h.store.reports.timeline(p.report.id)).length,
    bindings: (await h.store.bindings.listForUnit(p.building.id)).map((b) => b.id).sort(),
    residentBindings: (await h.store.bindings.listForPerson(p.resident.id)).map((b) => b.id).sort(),
    units: await h.store.units.listSubtree(p.compound.path, { includeArchived: true }),
    messages: await h.store.messages.listForPerson(p.resident.id, 50),
    reportsOfResident: (await h.store.reports.listForResident(p.resident.id, 50)).map((r) => r.id),
  });

  beforeAll(async () => {
    h = await harness();
    e = await elsewhere(h);
    home = await h.unitNamed('1号楼', '幸福里小区');
    for (const [d, p] of Object.entries(e.places)) {
      await h.deps.notifier.notify({ personId: p.resident.id, kind: 'test', title: '您的反映有新进展', body: '请查看' });
      messages[d] = (await h.store.messages.listForPerson(p.resident.id, 1))[0].id;
      before.set(d, await stateOf(p));
    }
  });
  afterAll(() => h.close());

  const cases = Object.entries(ATTACKERS).flatMap(([who, distances]) =>
    distances.flatMap((distance) => Object.entries(ATTEMPTS).filter(([, a]) => !a.skip?.({ who, distance })).map(([name]) => [who, distance, name] as const)),
  );

  it.each(cases)('%s against another %s: %s is refused', async (who, distance, name) => {
    const cred = await h.as(who);
    const me = (await h.store.people.findByUsername(who))!.id;
    const c: Ctx = { h, cred, me, who, distance, place: e.places[distance], home, messageId: messages[distance] };
    const attempt = ATTEMPTS[name];
    attempt.check(await attempt.call(c), c);
  });

  it('changed nothing at any place', async () => {
    for (const [d, p] of Object.entries(e.places)) expect([d, await stateOf(p)]).toEqual([d, before.get(d)]);
  });
});
