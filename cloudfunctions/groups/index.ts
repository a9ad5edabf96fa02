import { groups } from '../lib/actions/groups';
import { makeMain } from '../lib/entry';
import { wxServerGroups } from '../lib/ports/open-data.group.cloud';

export const main = makeMain('groups', groups, { readGroups: wxServerGroups });
