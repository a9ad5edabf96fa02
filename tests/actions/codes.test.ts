/**
 * Making, listing and revoking codes, and drawing their images: who may (MAKES_CODES, by purpose),
 * on which units (CODE_UNIT_KINDS), what a personal code is forced to, and that every refusal
 * writes nothing. Resolving codes and taking their uses: codes-use.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The module itself (a namespace import would be a copy): randomBytes is replaced on it.
import crypto from 'node:crypto';
import { CODE_ID_ALPHABET, CODE_ID_LENGTH, CODE_PAGE, isCodeId, type CodeImageView, type CodeView, type Outputs } from '../../src/core';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import { drawCodeId } from '../../cloudfunctions/lib/actions/codes/create';
import type { CodeImage, CodeRequest } from '../../cloudfunctions/lib/ports/code-image';
import { localCodeFiles } from '../../cloudfunctions/lib/ports/code-files';
import { unit } from '../support/factories';
import { inspect, png } from '../support/images';
import { T0, data, expectFailure, harness, type Harness } from '../support/harness';
import { elsewhere, type Elsewhere } from './support/elsewhere';
import { DAY, codesKit } from './support/codes';

let h: Harness;
let e: Elsewhere;
let kit: ReturnType<typeof codesKit>;
beforeAll(async () => {
  h = await harness();
  e = await elsewhere(h);
  kit = codesKit(h);
});
afterAll(() => h.close());
afterEach(() => h.clock.set(T0));

const as = (username: string) => h.as(username);

describe('making a code', () => {
  it('lets a building lead make a building code on their building, named by its trail and its maker, and audits it', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const code = await kit.make(await as('louzhang'), { unitId: building.id, purpose: 'building', label: '一单元门口' });
    expect(code).toMatchObject({
      purpose: 'building',
      purposeLabel: '楼栋码',
      unit: { id: building.id, name: '1号楼', kind: 'building' },
      trail: '阳光社区 幸福里小区 1号楼',
      person: null,
      label: '一单元门口',
      validFrom: null,
      validUntil: null,
      useLimit: null,
      uses: 0,
      scans: 0,
      status: 'active',
      statusLabel: '可用',
      createdAt: T0,
      createdBy: { name: '赵桂兰' },
      revokedAt: null,
    });
    expect(isCodeId(code.id)).toBe(true);
    const [entry] = await h.store.audit.listForTarget(code.id, 5);
    expect(entry).toMatchObject({ action: 'codes.create', targetKind: 'code', unitPath: building.path, detail: { purpose: 'building', unitId: building.id } });
  });

  it('lets each purpose’s makers make it on the kinds of unit it belongs to', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const community = await h.unitNamed('阳光社区');
    expect((await kit.make(await as('zhibu'), { unitId: compound.id, purpose: 'member' })).purposeLabel).toBe('党员报到码');
    expect((await kit.make(await as('zhibu'), { unitId: compound.id, purpose: 'venue', useLimit: 80 })).useLimit).toBe(80);
    expect((await kit.make(await as('shequ'), { unitId: community.id, purpose: 'venue' })).trail).toBe('阳光社区');
    expect((await kit.make(await as('jiedao'), { unitId: compound.id, purpose: 'public' })).trail).toBe('阳光社区 幸福里小区');
    expect((await kit.make(await as('shuji'), { unitId: (await h.unitNamed('2号楼', '幸福里小区')).id, purpose: 'building' })).createdBy).toMatchObject({ name: '李秀英' });
  });

  it('refuses anyone who does not make codes of that purpose on that unit, writing nothing', async () => {
    const a = await h.unitNamed('1号楼', '幸福里小区');
    const b = await h.unitNamed('2号楼', '幸福里小区');
    const compound = await h.unitNamed('幸福里小区');
    const otherCompound = await h.unitNamed('阳光花园');
    const refused: [string, Awaited<ReturnType<typeof as>>, string, string][] = [
      ['a building lead of building A on building B', await as('louzhang'), b.id, 'building'],
      ['a building lead, a personal code on building B', await as('louzhang'), b.id, 'personal'],
      ['a building lead, a member code on their compound', await as('louzhang'), compound.id, 'member'],
      ['a building lead, a public code on their compound', await as('louzhang'), compound.id, 'public'],
      ['a resident on their own building', await as('jumin'), a.id, 'building'],
      ['a resident, a personal code', await as('jumin'), a.id, 'personal'],
      ['a member on their compound', await as('dangyuan'), compound.id, 'member'],
      ['a volunteer on their compound', await as('zhiyuan'), compound.id, 'public'],
      ['a property manager on a building of their compound', await as('wuye'), a.id, 'building'],
      ['a compound secretary on another compound', await as('zhibu'), otherCompound.id, 'venue'],
      ['another community’s staff', e.otherStaff.cred, a.id, 'building'],
      ['another street’s officer', e.otherOfficer.cred, compound.id, 'member'],
    ];
    await kit.writesNothing(async () => {
      for (const [who, cred, unitId, purpose] of refused) {
        const r = await h.call('codes', 'create', { unitId, purpose }, cred);
        expect([who, r.ok || r.code]).toEqual([who, 'AUTH.FORBIDDEN']);
      }
    });
  });

  it('refuses a purpose on a kind of unit it does not belong to (CODE.BAD_UNIT), an unknown unit and an archived one', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const compound = await h.unitNamed('幸福里小区');
    const community = await h.unitNamed('阳光社区');
    const gone = unit(compound, 'building', '旧楼', { archived: true });
    await h.store.units.insert(gone);
    const cred = await as('shequ');
    await kit.writesNothing(async () => {
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'member' }, cred), 'CODE.BAD_UNIT', 'unitId');
      expectFailure(await h.call('codes', 'create', { unitId: compound.id, purpose: 'building' }, cred), 'CODE.BAD_UNIT', 'unitId');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'venue' }, cred), 'CODE.BAD_UNIT', 'unitId');
      const r = await h.call('codes', 'create', { unitId: community.id, purpose: 'public' }, cred);
      expectFailure(r, 'CODE.BAD_UNIT', 'unitId');
      expect(!r.ok && r.message).toBe('公开码只能建在小区上，阳光社区 是社区');
      expectFailure(await h.call('codes', 'create', { unitId: 'bui_nope', purpose: 'building' }, cred), 'UNIT.NOT_FOUND', 'unitId');
      expectFailure(await h.call('codes', 'create', { unitId: gone.id, purpose: 'building' }, cred), 'UNIT.ARCHIVED', 'unitId');
    });
  });

  it('refuses a window that ends before it starts or is already over (CODE.BAD_WINDOW)', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    await kit.writesNothing(async () => {
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', validUntil: T0 - 1 }, cred), 'CODE.BAD_WINDOW', 'validUntil');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', validUntil: T0 }, cred), 'CODE.BAD_WINDOW', 'validUntil');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', validFrom: T0 + 2 * DAY, validUntil: T0 + DAY }, cred), 'CODE.BAD_WINDOW', 'validUntil');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', validFrom: T0 + DAY, validUntil: T0 + DAY }, cred), 'CODE.BAD_WINDOW', 'validUntil');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', useLimit: 0 }, cred), 'INPUT.INVALID', 'useLimit');
    });
    const later = await kit.make(cred, { unitId: building.id, purpose: 'building', validFrom: T0 + DAY, validUntil: T0 + 2 * DAY });
    expect(later).toMatchObject({ validFrom: T0 + DAY, validUntil: T0 + 2 * DAY, status: 'not_yet_valid' });
  });
});

describe('making a personal code', () => {
  it('needs a person (CODE.NEEDS_PERSON), and no other code takes one', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const jumin = (await h.store.people.findByUsername('jumin'))!;
    const cred = await as('louzhang');
    await kit.writesNothing(async () => {
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'personal' }, cred), 'CODE.NEEDS_PERSON', 'personId');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'personal', personId: null }, cred), 'CODE.NEEDS_PERSON', 'personId');
      expectFailure(await h.call('codes', 'create', { unitId: building.id, purpose: 'building', personId: jumin.id }, cred), 'INPUT.INVALID', 'personId');
    });
  });

  it('is forced to one use and 14 days, whatever was asked; a shorter window is kept', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const jumin = (await h.store.people.findByUsername('jumin'))!;
    const cred = await as('louzhang');
    const code = await kit.make(cred, { unitId: building.id, purpose: 'personal', personId: jumin.id, useLimit: 50, validUntil: T0 + 90 * DAY });
    expect(code).toMatchObject({ purpose: 'personal', person: { id: jumin.id, name: '孙福贵' }, useLimit: 1, validUntil: T0 + 14 * DAY });
    expect(await h.store.codes.get(code.id)).toMatchObject({ personId: jumin.id, useLimit: 1, validUntil: T0 + 14 * DAY });
    expect((await kit.make(cred, { unitId: building.id, purpose: 'personal', personId: jumin.id })).validUntil).toBe(T0 + 14 * DAY);
    expect((await kit.make(cred, { unitId: building.id, purpose: 'personal', personId: jumin.id, validUntil: T0 + 3 * DAY })).validUntil).toBe(T0 + 3 * DAY);
  });

  it('is made for someone created by staff above and bound nowhere yet: the visit’s case', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const visited = data(await h.call<Outputs['people']['create']>('people', 'create', { name: '钱奶奶' }, await as('shequ')));
    const code = await kit.make(await as('louzhang'), { unitId: building.id, purpose: 'personal', personId: visited.id });
    expect(code.person).toEqual({ id: visited.id, name: '钱奶奶' });
  });

  it('answers PERSON.NOT_FOUND alike for a person out of the caller’s sight and for no one', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    await kit.writesNothing(async () => {
      const elsewhereResident = await h.call('codes', 'create', { unitId: building.id, purpose: 'personal', personId: e.places.building.resident.id }, cred);
      const farResident = await h.call('codes', 'create', { unitId: building.id, purpose: 'personal', personId: e.places.street.resident.id }, cred);
      const noOne = await h.call('codes', 'create', { unitId: building.id, purpose: 'personal', personId: 'per_nobody' }, cred);
      for (const r of [elsewhereResident, farResident, noOne]) expectFailure(r, 'PERSON.NOT_FOUND', 'personId');
      expect(elsewhereResident).toEqual(noOne);
      expect(farResident).toEqual(noOne);
    });
  });
});

describe('code ids', () => {
  it('are 12 characters of the alphabet, 5 random bits each, every letter used', () => {
    const ids = Array.from({ length: 2000 }, () => drawCodeId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^[${CODE_ID_ALPHABET}]{${CODE_ID_LENGTH}}$`));
    expect(new Set(ids.join(''))).toEqual(new Set(CODE_ID_ALPHABET));
    // Each byte's low 5 bits pick the letter: 0 → '0', 31 → 'z', 255 → 'z'.
    expect(drawCodeId((n) => Buffer.from([0, 31, 255, 32, 1, 2, 3, 4, 5, 6, 7, 8].slice(0, n)))).toBe('0zz012345678');
  });

  it('are drawn again when the first one drawn is taken', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    const first = await kit.make(cred, { unitId: building.id, purpose: 'building' });
    const real = crypto.randomBytes;
    let collided = false;
    const spy = jest.spyOn(crypto, 'randomBytes').mockImplementation(((n: number) => {
      if (n === CODE_ID_LENGTH && !collided) {
        collided = true;
        return Buffer.from([...first.id].map((c) => CODE_ID_ALPHABET.indexOf(c)));
      }
      return real(n);
    }) as typeof crypto.randomBytes);
    try {
      const second = await kit.make(cred, { unitId: building.id, purpose: 'building', label: '第二个' });
      expect(collided).toBe(true);
      expect(second.id).not.toBe(first.id);
      expect(await h.store.codes.get(first.id)).toMatchObject({ label: null });
      expect(await h.store.codes.get(second.id)).toMatchObject({ label: '第二个' });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('listing a unit’s codes', () => {
  it('lists the purposes the caller makes there, newest first, with status, scans, uses and makers', async () => {
    const building = await h.unitNamed('3号楼', '幸福里小区');
    const lead = await e.personAt('周楼长', 'building_lead', building);
    const old = await kit.make(lead.cred, { unitId: building.id, purpose: 'building', validUntil: T0 + 90_000 });
    h.clock.advance(60_000);
    const byStaff = await kit.make(await as('shequ'), { unitId: building.id, purpose: 'building', label: '社区做的' });
    h.clock.advance(60_000);
    const revoked = await kit.make(lead.cred, { unitId: building.id, purpose: 'building' });
    data(await h.call('codes', 'revoke', { id: revoked.id, reason: '贴错了地方' }, lead.cred));
    h.clock.advance(60_000);

    const listed = data(await h.call<Outputs['codes']['list']>('codes', 'list', { unitId: building.id }, lead.cred));
    expect(listed).toMatchObject({ unit: { id: building.id, name: '3号楼' }, trail: '阳光社区 幸福里小区 3号楼', purposes: ['building', 'personal'] });
    expect(listed.codes.map((c) => [c.id, c.status])).toEqual([
      [revoked.id, 'revoked'],
      [byStaff.id, 'active'],
      [old.id, 'expired'],
    ]);
    expect(listed.codes[0]).toMatchObject({ revokeReason: '贴错了地方', statusLabel: '已作废', createdBy: { name: '周楼长' } });
    expect(listed.codes[1]).toMatchObject({ createdBy: { name: '张伟' }, label: '社区做的', scans: 0, uses: 0 });
  });

  it('shows each maker only the purposes they make there', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const community = await h.unitNamed('阳光社区');
    const purposes = async (username: string, unitId: string) => data(await h.call<Outputs['codes']['list']>('codes', 'list', { unitId }, await as(username))).purposes;
    expect(await purposes('zhibu', compound.id)).toEqual(['member', 'venue', 'public']);
    expect(await purposes('shequ', community.id)).toEqual(['member', 'venue']);
    expect(await purposes('louzhang', (await h.unitNamed('1号楼', '幸福里小区')).id)).toEqual(['building', 'personal']);
    const member = await kit.make(await as('zhibu'), { unitId: compound.id, purpose: 'member' });
    expect(data(await h.call<Outputs['codes']['list']>('codes', 'list', { unitId: compound.id }, await as('shuji'))).codes.map((c) => c.id)).toContain(member.id);
  });

  it('refuses who makes no codes on the unit', async () => {
    const b = await h.unitNamed('2号楼', '幸福里小区');
    expectFailure(await h.call('codes', 'list', { unitId: b.id }, await as('louzhang')), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('codes', 'list', { unitId: (await h.unitNamed('1号楼', '幸福里小区')).id }, await as('jumin')), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('codes', 'list', { unitId: (await h.unitNamed('幸福里小区')).id }, await as('louzhang')), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('codes', 'list', { unitId: (await h.unitNamed('幸福里小区')).id }, e.otherStaff.cred), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('codes', 'list', { unitId: 'bui_nope' }, await as('shequ')), 'UNIT.NOT_FOUND', 'unitId');
    expectFailure(await h.call('codes', 'list', { unitId: b.id }), 'AUTH.REQUIRED');
  });
});

describe('revoking a code', () => {
  it('revokes once with a reason, audited; a second time is CODE.ALREADY_REVOKED and writes nothing', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    const code = await kit.make(cred, { unitId: building.id, purpose: 'building' });
    h.clock.advance(3600_000);
    const revoked = data(await h.call<CodeView>('codes', 'revoke', { id: code.id, reason: ' 海报被撕了 ' }, cred));
    expect(revoked).toMatchObject({ id: code.id, status: 'revoked', revokedAt: T0 + 3600_000, revokeReason: '海报被撕了' });
    const [entry] = await h.store.audit.listForTarget(code.id, 1);
    expect(entry).toMatchObject({ action: 'codes.revoke', targetKind: 'code', unitPath: building.path, detail: { reason: '海报被撕了' } });
    await kit.writesNothing(async () => {
      expectFailure(await h.call('codes', 'revoke', { id: code.id, reason: '再作废一次' }, cred), 'CODE.ALREADY_REVOKED');
      expectFailure(await h.call('codes', 'revoke', { id: code.id, reason: '社区也作废' }, await as('shequ')), 'CODE.ALREADY_REVOKED');
    });
  });

  it('is refused to a lead of another building, a resident, a lead for a member code and another community’s staff; an unknown code is not found', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const compound = await h.unitNamed('幸福里小区');
    const code = await kit.make(await as('louzhang'), { unitId: building.id, purpose: 'building' });
    const member = await kit.make(await as('zhibu'), { unitId: compound.id, purpose: 'member' });
    const foreignLead = await e.personAt('吴楼长', 'building_lead', await h.unitNamed('2号楼', '幸福里小区'));
    await kit.writesNothing(async () => {
      expectFailure(await h.call('codes', 'revoke', { id: code.id, reason: '不是我的楼' }, foreignLead.cred), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('codes', 'revoke', { id: code.id, reason: '我不想要' }, await as('jumin')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('codes', 'revoke', { id: member.id, reason: '楼长不管党员码' }, await as('louzhang')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('codes', 'revoke', { id: code.id, reason: '别的社区' }, e.otherStaff.cred), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('codes', 'revoke', { id: 'zzzzzzzzzzzz', reason: '没有这个码' }, await as('shequ')), 'CODE.NOT_FOUND', 'id');
      expectFailure(await h.call('codes', 'revoke', { id: code.id }, await as('louzhang')), 'INPUT.INVALID', 'reason');
    });
    // The lead of the building's compound and the community above may.
    expect(data(await h.call<CodeView>('codes', 'revoke', { id: code.id, reason: '换新码' }, await as('zhibu'))).status).toBe('revoked');
  });
});

/** A CodeImage that counts its drawings and draws a small real PNG. */
async function countingImage() {
  const calls: CodeRequest[] = [];
  const bytes = await png({ width: 4, height: 4 });
  const image: CodeImage = {
    async render(req) {
      calls.push(req);
      return { contentType: 'image/png', bytes };
    },
  };
  return { image, calls, bytes };
}

describe('a code’s image', () => {
  const pngOf = (view: CodeImageView) => {
    expect(view.dataUrl).toMatch(/^data:image\/png;base64,/);
    return Buffer.from(view.dataUrl.slice('data:image/png;base64,'.length), 'base64');
  };

  it('is drawn once, kept, and read back on every later view, by this instance and a fresh one', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    const code = await kit.make(cred, { unitId: building.id, purpose: 'building' });
    const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-code-files-'));
    const one = await countingImage();
    const deps = makeDeps(h.store, { clock: h.clock, log: silentLogger, codeImage: one.image, codeFiles: localCodeFiles(dir) });
    const view = async (d: typeof deps) => {
      const r = await dispatch(d, 'codes', { action: 'image', data: { id: code.id } }, cred);
      return data(r as { ok: true; data: CodeImageView });
    };

    const first = await view(deps);
    expect(first).toMatchObject({ id: code.id, page: CODE_PAGE, scene: code.id });
    expect(one.calls).toEqual([{ scene: code.id, page: CODE_PAGE, width: 430 }]);
    expect(pngOf(first)).toEqual(one.bytes);
    expect((await h.store.codes.get(code.id))!.image).toBe(`${code.id}.png`);

    expect(await view(deps)).toEqual(first);
    expect(one.calls).toHaveLength(1);

    const other = await countingImage();
    const cold = makeDeps(h.store, { clock: h.clock, log: silentLogger, codeImage: other.image, codeFiles: localCodeFiles(dir) });
    expect(await view(cold)).toEqual(first);
    expect(other.calls).toHaveLength(0);
  });

  it('draws the local host’s QR code as a PNG of 430 pixels', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const cred = await as('zhibu');
    const code = await kit.make(cred, { unitId: compound.id, purpose: 'member' });
    const drawn = await inspect(pngOf(data(await h.call<CodeImageView>('codes', 'image', { id: code.id.toUpperCase() }, cred))));
    expect(drawn).toMatchObject({ format: 'png', width: 430, height: 430 });
  });

  it('is refused to who does not make the code, for a revoked code and an unknown one, drawing nothing', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await as('louzhang');
    const code = await kit.make(cred, { unitId: building.id, purpose: 'building' });
    const revoked = await kit.make(cred, { unitId: building.id, purpose: 'building' });
    data(await h.call('codes', 'revoke', { id: revoked.id, reason: '不用了' }, cred));
    const counting = await countingImage();
    const deps = makeDeps(h.store, { clock: h.clock, log: silentLogger, codeImage: counting.image, codeFiles: localCodeFiles(mkdtempSync(path.join(tmpdir(), 'jinlin-code-files-'))) });
    const image = (id: string, c: typeof cred) => dispatch(deps, 'codes', { action: 'image', data: { id } }, c);
    const foreignLead = await e.personAt('郑楼长', 'building_lead', await h.unitNamed('2号楼', '幸福里小区'));
    await kit.writesNothing(async () => {
      expectFailure(await image(code.id, foreignLead.cred), 'AUTH.FORBIDDEN');
      expectFailure(await image(code.id, await as('jumin')), 'AUTH.FORBIDDEN');
      expectFailure(await image(code.id, {}), 'AUTH.REQUIRED');
      expectFailure(await image(revoked.id, cred), 'CODE.REVOKED');
      expectFailure(await image('nocodehere00', cred), 'CODE.NOT_FOUND', 'id');
    });
    expect(counting.calls).toEqual([]);
  });
});
