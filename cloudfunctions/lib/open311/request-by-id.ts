/** GET requests/{service_request_id}: one report of the key's community, as a list of one (the spec's shape). */
import { DomainError } from '../../../src/core';
import { policyFor } from '../actions/policy';
import type { Deps } from '../deps';
import { answer, type Format } from './format';
import { recordsOf } from './record';
import type { Open311Request, Open311Response } from './request';
import { requireKey } from './scope';

export async function requestById(deps: Deps, req: Open311Request, format: Format, id: string): Promise<Open311Response> {
  const key = await requireKey(deps, req.query);
  const r = id.length <= 64 ? await deps.store.reports.get(id) : null;
  // Another community's report reads as none: ids cannot be probed across communities.
  if (!r || !r.unitPath.startsWith(key.communityPath)) throw new DomainError('GEOREPORT.REQUEST_NOT_FOUND');
  return answer(format, 'service_requests', await recordsOf(deps, [r], await policyFor(deps, key.communityId)));
}
