import { assessments } from '../lib/actions/assessments';
import { makeMain } from '../lib/entry';

export const main = makeMain('assessments', assessments);
