/** The groups function's inputs. */
import * as z from 'zod/mini';
import { id } from './fields';
import { onFirstUse } from './on-first-use';

/** What getGroupEnterInfo answered: a cloudID, sent as a plain string and resolved by the function (valid 5 minutes). */
const cloudID = z.string({ error: '缺少群信息' }).check(z.minLength(1, { error: '缺少群信息' }), z.maxLength(1024, { error: '群信息不正确' }));

export const groups = onFirstUse({
  bind: () => z.object({ buildingId: id, cloudID }),
  unbind: () => z.object({ buildingId: id }),
  /** Which building the group a page was opened in is bound to. */
  enter: () => z.object({ cloudID }),
  /** A report shared as a card, as its opener reads it: in full in the report's building's group, else only that it exists. */
  card: () => z.object({ reportId: id, cloudID: z.optional(z.nullable(cloudID)) }),
});
