/**
 * A person's own data (我的信息): see it, and take a copy. Only ever the caller's own: no input names
 * a person, so no one reads another's this way.
 */
import { randomBytes } from 'node:crypto';
import { OWN_DATA_COPY_LIMIT, OWN_DATA_COPY_TTL_MS, dayKey, formatDateAndTime, type OwnDataCopy } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/people';
import { personAction, type ActionDef } from '../define';
import { takeTry } from '../tries';
import { collectOwnData } from './collect';

export const ownData: ActionDef = personAction(schemas.people.ownData, async (ctx) => collectOwnData(ctx.deps, ctx.caller.person));

export const copyOwnData: ActionDef = personAction(schemas.people.copyOwnData, async (ctx, input): Promise<OwnDataCopy> => {
  const { deps, caller } = ctx;
  // Counted before reading: a copy reads every list of the person, and must not be a way to hammer the store.
  await takeTry(ctx, 'ownDataCopy', OWN_DATA_COPY_LIMIT, 'PERSON.TOO_MANY_COPIES');
  const now = deps.clock.now();
  const bytes = Buffer.from(JSON.stringify(await collectOwnData(deps, caller.person), null, 2), 'utf8');
  const fileName = `我的信息-${dayKey(now)}.json`;
  const via = input.via ?? (caller.via === 'openid' ? 'message' : 'file');
  if (via === 'file') return { via, fileName, mimeType: 'application/json', base64: bytes.toString('base64') };
  // The mini-program cannot save a file: the copy is kept a day and its link sent to the person's messages.
  const expiresAt = now + OWN_DATA_COPY_TTL_MS;
  const url = await deps.copyFiles.put(`cpy_${randomBytes(16).toString('hex')}.json`, bytes, expiresAt, now);
  await deps.notifier.notify({
    personId: caller.person.id,
    kind: 'person.ownDataCopy',
    title: '我的信息副本已准备好',
    body: `复制下面的链接到浏览器打开即可下载，${formatDateAndTime(expiresAt, now)}前有效：${url}`,
  });
  return { via, fileName, url, expiresAt };
});
