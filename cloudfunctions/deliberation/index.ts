import { deliberation } from '../lib/actions/deliberation';
import { makeMain } from '../lib/entry';

export const main = makeMain('deliberation', deliberation);
