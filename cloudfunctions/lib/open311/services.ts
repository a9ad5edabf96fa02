/**
 * GET services and services/{service_code}: our report categories (src/core/reports/categories.ts,
 * each community's own through its policy). Every one is `realtime` (a POST answers the report's id at
 * once) and asks nothing beyond the spec's own fields (metadata false): where the report is (address_id,
 * address_string for where inside the unit) and what happened (description).
 */
import { DEFAULT_POLICY, DomainError, LEVEL_LABEL, findCategory, type Category, type CommunityPolicy } from '../../../src/core';
import type { Deps } from '../deps';
import { policyFor } from '../actions/policy';
import { answer, type Format, type Value } from './format';
import type { Open311Request, Open311Response } from './request';
import { communityOf } from './scope';
import { serviceNotice } from './service-notice';

async function policyOf(deps: Deps, req: Open311Request): Promise<CommunityPolicy> {
  const community = await communityOf(deps, req.query);
  return community ? policyFor(deps, community.id) : DEFAULT_POLICY;
}

function serviceOf(policy: CommunityPolicy, c: Category): { [field: string]: Value } {
  return {
    service_code: c.code,
    service_name: c.name,
    description: `${c.name}。${serviceNotice(policy, c, c.entryLevel)}`,
    metadata: false,
    type: 'realtime',
    keywords: [c.name, LEVEL_LABEL[c.entryLevel], ...(c.urgent ? ['紧急'] : [])].join(', '),
    // Who takes such a report first: the level it starts at.
    group: LEVEL_LABEL[c.entryLevel],
  };
}

export async function services(deps: Deps, req: Open311Request, format: Format): Promise<Open311Response> {
  const policy = await policyOf(deps, req);
  return answer(format, 'services', policy.categories.map((c) => serviceOf(policy, c)));
}

export async function serviceDefinition(deps: Deps, req: Open311Request, format: Format, code: string): Promise<Open311Response> {
  const policy = await policyOf(deps, req);
  const c = findCategory(policy, code);
  if (!c) throw new DomainError('GEOREPORT.SERVICE_NOT_FOUND', `没有“${code.slice(0, 40)}”这个 service_code：可用的类别见 services.xml`);
  return answer(format, 'service_definition', { service_code: c.code, attributes: [] });
}
