import { members } from '../lib/actions/members';
import { makeMain } from '../lib/entry';

// Checking in trades WeChat's phone code (phonenumber.getPhoneNumber, granted in config.json); the
// roster's export loads exceljs, carried beside the bundle, on first use.
export const main = makeMain('members', members);
