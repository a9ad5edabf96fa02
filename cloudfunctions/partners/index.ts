import { partners } from '../lib/actions/partners';
import { makeMain } from '../lib/entry';

export const main = makeMain('partners', partners);
