import { wishes } from '../lib/actions/wishes';
import { makeMain } from '../lib/entry';

export const main = makeMain('wishes', wishes);
