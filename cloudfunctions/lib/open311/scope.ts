/**
 * Whose reports a call is about. A partner's api_key (issued by a community's staff, stored as its
 * SHA-256) names the community; the spec's jurisdiction_id, when sent, must be that community's id.
 * Reading reports needs a key as filing does: they are about people's homes, and the public reads
 * only the echo wall. The catalogue (services) needs none: it is the community's categories, named
 * by jurisdiction_id, or our defaults.
 */
import { DomainError, type Unit } from '../../../src/core';
import { sha256 } from '../auth/tokens';
import type { Deps } from '../deps';
import type { ApiKey } from '../store/port';
import { one, type Params } from './request';

/** Keys are 38 characters; anything much longer is not one, and is not hashed. */
const KEY_MAX = 100;

/** The live key the call carries, if it carries one; a wrong or revoked one is refused. */
export async function keyOf(deps: Deps, params: Params): Promise<ApiKey | null> {
  const presented = one(params, 'api_key');
  if (!presented) return null;
  const key = presented.length <= KEY_MAX ? await deps.store.apiKeys.findByHash(sha256(presented)) : null;
  if (!key || key.revokedAt !== null) throw new DomainError('GEOREPORT.KEY_INVALID');
  return key;
}

/** The call's live key: one is required here. */
export async function requireKey(deps: Deps, params: Params): Promise<ApiKey> {
  const key = await keyOf(deps, params);
  if (!key) throw new DomainError('GEOREPORT.KEY_REQUIRED');
  checkJurisdiction(params, key);
  return key;
}

/** A jurisdiction_id sent with a key must be the key's community. */
function checkJurisdiction(params: Params, key: ApiKey): void {
  const j = one(params, 'jurisdiction_id');
  if (j !== undefined && j !== key.communityId) throw new DomainError('GEOREPORT.JURISDICTION_NOT_FOUND');
}

/** The community a call without a required key is about: the key's, else jurisdiction_id's, else none (the defaults). */
export async function communityOf(deps: Deps, params: Params): Promise<Pick<Unit, 'id' | 'path'> | null> {
  const key = await keyOf(deps, params);
  if (key) {
    checkJurisdiction(params, key);
    return { id: key.communityId, path: key.communityPath };
  }
  const j = one(params, 'jurisdiction_id');
  if (j === undefined) return null;
  const unit = j.length <= 64 ? await deps.store.units.get(j) : null;
  if (!unit || unit.kind !== 'community' || unit.archived) throw new DomainError('GEOREPORT.JURISDICTION_NOT_FOUND');
  return unit;
}
