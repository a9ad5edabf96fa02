/** A person's own in-app messages (notices about their reports and tasks). */
import { call } from './api';

export const listMessages = (before?: number, limit = 20) => call('messages', 'list', before ? { before, limit } : { limit });
export const markRead = (ids: string[]) => call('messages', 'markRead', { ids });
export const markAllRead = () => call('messages', 'markRead', { all: true });
