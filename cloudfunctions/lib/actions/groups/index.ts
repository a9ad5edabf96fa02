/**
 * The building's WeChat group (楼栋群), the `groups` function: its lead binds it to the building and
 * unbinds it; a page opened in a group learns which building it is bound to; a report shared to
 * the group as a card is read in full only inside that group. The rules: src/core/groups.ts.
 */
import type { FunctionDef } from '../define';
import { bind } from './bind';
import { card } from './card';
import { enter } from './enter';
import { unbind } from './unbind';

export const groups: FunctionDef = { ...bind, ...unbind, ...enter, ...card };
