import { desk } from '../lib/actions/desk';
import { makeMain } from '../lib/entry';

export const main = makeMain('desk', desk);
