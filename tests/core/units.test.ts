import { ancestorIds, buildTree, canBeChildOf, depthOf, isWithin, pathOf, rebase, UNIT_KINDS, type UnitKind } from '../../src/core';
import { unit } from '../support/factories';

describe('unit tree', () => {
  describe('which kind may sit under which', () => {
    const table: [UnitKind, UnitKind | null, boolean][] = [
      ['street', null, true],
      ['community', null, false],
      ['community', 'street', true],
      ['compound', 'community', true],
      ['compound', 'street', false],
      ['grid', 'compound', true],
      ['grid', 'community', false],
      ['building', 'compound', true],
      ['building', 'grid', true],
      ['building', 'community', false],
      ['building', 'building', false],
      ['street', 'street', false],
    ];
    it.each(table)('%s under %s: %s', (kind, parent, allowed) => {
      expect(canBeChildOf(kind, parent)).toBe(allowed);
    });
    it('covers every kind', () => {
      expect(UNIT_KINDS).toEqual(['street', 'community', 'compound', 'grid', 'building']);
    });
  });

  describe('materialised paths', () => {
    it('builds a path from the parent and reads the ancestors back', () => {
      const s = unit(null, 'street', '幸福街道', { id: 's1' });
      const c = unit(s, 'community', '阳光社区', { id: 'c1' });
      expect(pathOf(null, 's1')).toBe('/s1/');
      expect(c.path).toBe('/s1/c1/');
      expect(pathOf(c, 'p1')).toBe('/s1/c1/p1/');
      expect(ancestorIds('/s1/c1/p1/')).toEqual(['s1', 'c1', 'p1']);
      expect(depthOf('/s1/c1/p1/')).toBe(3);
    });

    it('knows a unit is within itself and its ancestors but not its siblings', () => {
      expect(isWithin({ path: '/s1/c1/p1/' }, { path: '/s1/c1/' })).toBe(true);
      expect(isWithin({ path: '/s1/c1/' }, { path: '/s1/c1/' })).toBe(true);
      expect(isWithin({ path: '/s1/c10/' }, { path: '/s1/c1/' })).toBe(false);
      expect(isWithin({ path: '/s1/' }, { path: '/s1/c1/' })).toBe(false);
    });

    it('rebases a descendant path when its subtree moves', () => {
      expect(rebase('/s1/c1/p1/b1/', '/s1/c1/p1/', '/s1/c2/p1/')).toBe('/s1/c2/p1/b1/');
      expect(() => rebase('/s1/c9/', '/s1/c1/', '/s2/')).toThrow();
    });
  });

  it('builds a sorted forest from a flat list, numbers in natural order', () => {
    const s = unit(null, 'street', '幸福街道');
    const c = unit(s, 'community', '阳光社区');
    const p = unit(c, 'compound', '幸福里小区');
    const b10 = unit(p, 'building', '10号楼');
    const b2 = unit(p, 'building', '2号楼');
    const g = unit(p, 'grid', '第1网格');
    const [root] = buildTree([b10, g, s, b2, p, c]);
    expect(root.name).toBe('幸福街道');
    const compound = root.children[0].children[0];
    expect(compound.children.map((n) => n.name)).toEqual(['第1网格', '2号楼', '10号楼']);
  });
});
