/**
 * A report as an Open311 service request, field by field in the spec's order. What goes out is what
 * the partner needs to follow the report and nothing of the person behind it: no resident, no
 * contact name or phone, no handler's name (agency_responsible is the handling unit), no photos
 * (they may show a face or a door), no rating note.
 */
import {
  LEVEL_LABEL,
  STATUS_LABEL,
  ancestorIds,
  findCategory,
  isOpen,
  maskPhone,
  type CommunityPolicy,
  type Report,
  type Unit,
} from '../../../src/core';
import type { Deps } from '../deps';
import { w3c } from './dates';
import type { Value } from './format';
import { serviceNotice } from './service-notice';

/**
 * A mobile number typed into a description ("请回电 13812345678") goes out masked, as the pages show a
 * phone to those who must not see it whole: the partner reads that a number was left, not the number.
 */
export function maskPhones(text: string): string {
  return text.replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m) ?? m);
}

/** Open311 has two statuses: a report is closed once resolved (or closed, or not accepted). */
export const openOrClosed = (r: Pick<Report, 'status'>): 'open' | 'closed' => (isOpen(r.status) ? 'open' : 'closed');

/** Where the report is, most specific first as the spec asks: "3单元 电梯，1号楼，幸福里小区，阳光社区，幸福街道". */
function addressOf(r: Report, units: ReadonlyMap<string, Unit>): string {
  const places = ancestorIds(r.unitPath)
    .reverse()
    .map((id) => units.get(id))
    .filter((u): u is Unit => !!u && u.kind !== 'grid')
    .map((u) => u.name);
  return maskPhones([r.location, ...places].filter(Boolean).join('，'));
}

function statusNotes(r: Report): string {
  const at = `（${LEVEL_LABEL[r.level]}）`;
  if (r.status === 'transferred' && r.transferredTo) return `${STATUS_LABEL[r.status]}：${r.transferredTo}${at}`;
  return `${STATUS_LABEL[r.status]}${at}`;
}

/** For a closed request the spec's updated_datetime is when it was closed: for us, when it was resolved. */
function updatedAt(r: Report): number {
  if (isOpen(r.status)) return r.updatedAt;
  return r.resolvedAt ?? r.closedAt ?? r.updatedAt;
}

export function recordOf(r: Report, policy: CommunityPolicy, units: ReadonlyMap<string, Unit>): { [field: string]: Value } {
  const category = findCategory(policy, r.category);
  const agency = r.levelUnitId ? units.get(r.levelUnitId)?.name : undefined;
  return {
    service_request_id: r.id,
    status: openOrClosed(r),
    status_notes: statusNotes(r),
    service_name: category?.name ?? r.category,
    service_code: r.category,
    description: maskPhones(r.description),
    agency_responsible: agency ?? LEVEL_LABEL[r.level],
    service_notice: serviceNotice(policy, category ?? { code: r.category, urgent: r.urgent }, r.level),
    requested_datetime: w3c(r.createdAt),
    updated_datetime: w3c(updatedAt(r)),
    expected_datetime: w3c(r.dueAt),
    address: addressOf(r, units),
    address_id: r.unitId,
    // Our units have no postcode and no coordinates; media stays with the report (see above).
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** The records of reports of one community (one policy), with the units they name looked up once. */
export async function recordsOf(deps: Deps, reports: readonly Report[], policy: CommunityPolicy): Promise<{ [field: string]: Value }[]> {
  const ids = new Set<string>();
  for (const r of reports) {
    for (const id of ancestorIds(r.unitPath)) ids.add(id);
    if (r.levelUnitId) ids.add(r.levelUnitId);
  }
  const units = new Map((ids.size ? await deps.store.units.getMany([...ids]) : []).map((u) => [u.id, u]));
  return reports.map((r) => recordOf(r, policy, units));
}
