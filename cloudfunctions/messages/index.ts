import { messages } from '../lib/actions/messages';
import { makeMain } from '../lib/entry';

export const main = makeMain('messages', messages);
