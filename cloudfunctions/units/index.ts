import { units } from '../lib/actions/units';
import { makeMain } from '../lib/entry';

export const main = makeMain('units', units);
