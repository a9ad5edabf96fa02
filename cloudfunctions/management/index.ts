import { management } from '../lib/actions/management';
import { makeMain } from '../lib/entry';

export const main = makeMain('management', management);
