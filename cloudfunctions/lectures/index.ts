import { lectures } from '../lib/actions/lectures';
import { makeMain } from '../lib/entry';

export const main = makeMain('lectures', lectures);
