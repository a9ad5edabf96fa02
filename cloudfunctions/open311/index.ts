import { open311 } from '../lib/actions/open311';
import { makeOpen311Main } from '../lib/open311/entry';

/** Open311 GeoReport v2 over HTTP access, and the management page's interface keys. */
export const main = makeOpen311Main(open311);
