import { registration } from '../lib/actions/registration';
import { makeMain } from '../lib/entry';
import { wxServerGroups } from '../lib/ports/open-data.group.cloud';

// Registering from a card in a building's group reads the group (wx-server-sdk's getOpenData).
export const main = makeMain('registration', registration, { readGroups: wxServerGroups });
