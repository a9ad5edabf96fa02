/**
 * What 发起议题 and 记录决定 send (the deliberation function's open and decide). Kept beside these two pages
 * while src/services/deliberation.ts was another helper's work in progress; they belong there.
 */
import type { ActionInput } from '../../core/api';
import { call } from '../../services/api';

/** Opens a topic: the same `clientRequestId` on a retry is the same topic, told to nobody twice. */
export const openTopic = (input: ActionInput<'deliberation', 'open'>) => call('deliberation', 'open', input);

/** Records the decision and minutes, on the version read. */
export const decideTopic = (input: ActionInput<'deliberation', 'decide'>) => call('deliberation', 'decide', input);
