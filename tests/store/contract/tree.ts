/** The unit tree the Store contract shares: a street, its community, two compounds and their buildings. */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { unit } from '../../support/factories';

export async function tree(store: Store) {
  const street = unit(null, 'street', '幸福街道');
  const community = unit(street, 'community', '阳光社区');
  const a = unit(community, 'compound', '幸福里小区');
  const b = unit(community, 'compound', '阳光花园');
  const a1 = unit(a, 'building', '1号楼');
  const a2 = unit(a, 'building', '2号楼');
  const b1 = unit(b, 'building', '1号楼');
  for (const u of [street, community, a, b, a1, a2, b1]) await store.units.insert(u);
  return { street, community, a, b, a1, a2, b1 };
}
