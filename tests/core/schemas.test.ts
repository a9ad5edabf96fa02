import { schemas } from '../../src/core';

describe('input schemas', () => {
  it('trims unit names and refuses empty or 41-character ones', () => {
    expect(schemas.units.create.parse({ parentId: 'p', kind: 'building', name: '  3号楼 ' }).name).toBe('3号楼');
    expect(schemas.units.create.safeParse({ parentId: 'p', kind: 'building', name: '   ' }).success).toBe(false);
    expect(schemas.units.create.safeParse({ parentId: 'p', kind: 'building', name: '楼'.repeat(41) }).success).toBe(false);
    expect(schemas.units.create.safeParse({ parentId: 'p', kind: 'building', name: '楼'.repeat(40) }).success).toBe(true);
  });

  it('refuses unknown kinds and roles with a Chinese message', () => {
    const r = schemas.units.create.safeParse({ parentId: 'p', kind: 'castle', name: 'x' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toBe('单位类型不正确');
    const b = schemas.units.bind.safeParse({ unitId: 'u', personId: 'p', role: 'king' });
    if (!b.success) expect(b.error.issues[0].message).toBe('角色不正确');
    expect(b.success).toBe(false);
  });

  it('wants a positive whole version', () => {
    expect(schemas.units.rename.safeParse({ id: 'u', name: 'x', version: 0 }).success).toBe(false);
    expect(schemas.units.rename.safeParse({ id: 'u', name: 'x', version: '1' }).success).toBe(false);
    expect(schemas.units.rename.safeParse({ id: 'u', name: 'x', version: 1.5 }).success).toBe(false);
    expect(schemas.units.rename.safeParse({ id: 'u', name: 'x', version: 3 }).success).toBe(true);
  });

  it('checks phones and wants username and password together', () => {
    expect(schemas.people.create.safeParse({ name: '甲', phone: '1380000000' }).success).toBe(false);
    expect(schemas.people.create.safeParse({ name: '甲', phone: '13800000000' }).success).toBe(true);
    const half = schemas.people.create.safeParse({ name: '甲', username: 'abc' });
    expect(half.success).toBe(false);
    if (!half.success) expect(half.error.issues[0].path).toEqual(['password']);
    expect(schemas.people.create.safeParse({ name: '甲', username: 'abc', password: 'short' }).success).toBe(false);
    expect(schemas.people.create.safeParse({ name: '甲', username: 'abc', password: 'long enough' }).success).toBe(true);
  });
});
