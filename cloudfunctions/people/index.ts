import { people } from '../lib/actions/people';
import { makeMain } from '../lib/entry';

export const main = makeMain('people', people);
