import { makeMain } from '../lib/entry';

export const main = makeMain('desk');
