import { points } from '../lib/actions/points';
import { makeMain } from '../lib/entry';

export const main = makeMain('points', points);
