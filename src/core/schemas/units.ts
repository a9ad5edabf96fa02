/** The units function's inputs. */
import * as z from 'zod/mini';
import { UNIT_KINDS } from '../units';
import { ROLES } from '../roles';
import { id, unitName, version } from './fields';
import { onFirstUse } from './on-first-use';

export const units = onFirstUse({
  tree: () => z.object({ rootId: z.optional(id), includeArchived: z.optional(z.boolean()) }),
  create: () => z.object({ parentId: id, kind: z.enum(UNIT_KINDS, { error: '单位类型不正确' }), name: unitName }),
  rename: () => z.object({ id, name: unitName, version }),
  move: () => z.object({ id, parentId: id, version }),
  archive: () => z.object({ id, version }),
  bindings: () => z.object({ unitId: id }),
  bind: () => z.object({ unitId: id, personId: id, role: z.enum(ROLES, { error: '角色不正确' }) }),
  unbind: () => z.object({ bindingId: id }),
  /** Households per grid under a community, a compound or one grid. */
  grids: () => z.object({ unitId: id }),
  /** A grid lead's or steward's own grid: its households, members and volunteers. */
  myGrid: () => z.object({ unitId: id }),
});
