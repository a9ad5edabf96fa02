import { pairings } from '../lib/actions/pairings';
import { makeMain } from '../lib/entry';

export const main = makeMain('pairings', pairings);
