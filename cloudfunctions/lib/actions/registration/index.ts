/**
 * Registration (注册), the `registration` function: a WeChat user (or, without WeChat, a web
 * account) asks to become a resident of a building from its code, and the building's lead or staff
 * approve or reject it. The rules: src/core/registrations.ts.
 */
import type { FunctionDef } from '../define';
import { approve } from './approve';
import { mine } from './mine';
import { move } from './move';
import { pending } from './pending';
import { reject } from './reject';
import { submit } from './submit';

export const registration: FunctionDef = { ...submit, ...mine, ...pending, ...approve, ...reject, ...move };
