/**
 * Codes (楼栋码, 报到码, 签到码, …): what the landing page every code opens calls. Resolving is
 * public, so it works for someone who has not registered yet; every answer is a result value
 * whose failure `message` can be shown as it is.
 */
import { call } from './api';

/** What the code is for and where, or why it cannot be used (CODE.*). Each call counts a scan. */
export const resolveCode = (id: string) => call('codes', 'resolve', { id });
