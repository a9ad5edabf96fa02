import { auth } from '../lib/actions/auth';
import { makeMain } from '../lib/entry';

export const main = makeMain('auth', auth);
