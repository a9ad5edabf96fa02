/** Outputs of the messages function beyond the message list (which lives in api.ts). */
import type { NoticeMoment } from '../notice-moments';

/**
 * The subscribe-message template ids the mini-program asks a person to allow at each moment (at most
 * 3 each, in the order to ask), from the server's JINLIN_SUBSCRIBE_TEMPLATES. A moment with no
 * template configured has none: the mini-program then asks nothing.
 */
export type NoticeTemplates = Record<NoticeMoment, string[]>;
