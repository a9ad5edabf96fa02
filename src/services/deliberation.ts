/**
 * 小区议事 (#29): what the deliberation pages call. A resident reads the topics of their building,
 * compound and community, leaves an opinion (with a client request id made once per box, so a retried
 * tap is one opinion), and votes for the household — again to change the vote, until it closes. A
 * compound's 公约 is read by anyone bound there; its public page by anyone with its public code, without
 * registering. Every answer is a result value whose failure `message` can be shown as it is.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

/** The caller's topics, open ones first; `offset` for the next page. */
export const myTopics = (offset = 0, limit = 30) => call('deliberation', 'mine', offset ? { limit, offset } : { limit });

export const topicDetail = (id: string) => call('deliberation', 'detail', { id });

/** One opinion: the same `clientRequestId` on a retry of the same text. */
export const sayOpinion = (topicId: string, text: string, clientRequestId: string) => call('deliberation', 'say', { clientRequestId, topicId, text });

/** The household's vote, or its change: one vote per household, the last one counts. */
export const castVote = (topicId: string, optionId: string) => call('deliberation', 'vote', { topicId, optionId });

/** A compound's rules: the current text and every version before it. */
export const compoundRules = (compoundId: string) => call('deliberation', 'rules', { compoundId });

/** The compound's public page by its public code: decided topics with counts and minutes, and the current 公约. */
export const deliberationPublic = (codeId: string) => call('deliberation', 'public', { code: codeId });

/** 发起议题 (a building lead, a branch secretary): the same `clientRequestId` on a retry is the same topic, told to nobody twice. */
export const openTopic = (input: ActionInput<'deliberation', 'open'>) => call('deliberation', 'open', input);

/** 记录决定: the decision and minutes, on the version read. */
export const decideTopic = (input: ActionInput<'deliberation', 'decide'>) => call('deliberation', 'decide', input);
