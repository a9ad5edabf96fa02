/**
 * Who does what with wishes, as the pages need to know it before they ask: the allow-lists are core's
 * (core/wish-access.ts); the server decides, these only choose what to offer and what to explain.
 * Members and volunteers browse and claim; residents post their own; building and grid leads post
 * for a household of theirs.
 */
import type { Me } from '../core/api';
import type { Role } from '../core/roles';
import { CLAIMS_WISHES, POSTS_FOR_HOUSEHOLDS, POSTS_OWN_WISHES } from '../core/wish-access';

const holds = (me: Me, roles: readonly Role[]) => me.bindings.some((b) => roles.includes(b.role));

export const claimsWishes = (me: Me) => holds(me, CLAIMS_WISHES);
export const postsOwnWish = (me: Me) => holds(me, POSTS_OWN_WISHES);
export const postsForHousehold = (me: Me) => holds(me, POSTS_FOR_HOUSEHOLDS);
export const postsWishes = (me: Me) => postsOwnWish(me) || postsForHousehold(me);

/** Said to whoever cannot claim, on the list and on a wish. */
export const WHO_CLAIMS = '只有本社区已报到的党员和志愿者可以看到并认领邻居的心愿。居民可以许心愿，也可以请楼栋长帮忙代许。';
