import { registration } from '../lib/actions/registration';
import { makeMain } from '../lib/entry';

export const main = makeMain('registration', registration);
