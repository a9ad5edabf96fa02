import { reports } from '../lib/actions/reports';
import { makeMain } from '../lib/entry';

export const main = makeMain('reports', reports);
