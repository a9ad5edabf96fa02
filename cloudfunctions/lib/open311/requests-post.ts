/**
 * POST requests: a partner files a report on one of the community's buildings or compounds, with the
 * community's key. The report is routed and timed as any other ("定人、定时限"), filed by the key's
 * system person through the `open311` channel, and audited. Whatever the partner sends about the
 * person who called them — first_name, last_name, phone, email, account_id, device_id — is dropped
 * unread: a partner's system is not where a resident chose to give Jinlin their name.
 *
 * Our units have no coordinates, so address_id (the unit's id, listed on the management page beside
 * the key) is required; address_string, the spec's free-text place, is kept as where inside the unit.
 */
import { DomainError, LEVEL_LABEL, UNIT_KIND_LABEL, WATCHES_URGENT_IN_BUILDING, createReport, findCategory, route, type Report, type Unit } from '../../../src/core';
import { policyFor } from '../actions/policy';
import { act } from '../actions/reports/commit';
import { about, noticeTo, type ReportLabel } from '../actions/reports/notices';
import { chainOf, handlerBindingsOn } from '../actions/reports/routing';
import { placeOf } from '../actions/reports/views';
import type { Deps } from '../deps';
import type { Notice } from '../ports/notifier';
import type { ApiKey } from '../store/port';
import { badParam } from './errors';
import { answer, type Format } from './format';
import { one, type Open311Request, type Open311Response, type Params } from './request';
import { requireKey } from './scope';
import { serviceNotice } from './service-notice';

/** Our reports' limits (core/schemas/reports.ts create): the spec allows 4,000 characters, we keep 500. */
const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 500;
const LOCATION_MAX = 50;

const chars = (s: string) => [...s].length;

async function unitOf(deps: Deps, params: Params, key: ApiKey): Promise<Unit> {
  const id = one(params, 'address_id');
  if (id === undefined) throw new DomainError('GEOREPORT.ADDRESS_REQUIRED', undefined, 'address_id');
  const unit = id.length <= 64 ? await deps.store.units.get(id) : null;
  // A unit of another community reads as none: ids cannot be probed across communities.
  if (!unit || unit.archived || !unit.path.startsWith(key.communityPath)) throw new DomainError('GEOREPORT.ADDRESS_NOT_FOUND', undefined, 'address_id');
  if (unit.kind !== 'building' && unit.kind !== 'compound')
    throw badParam(`address_id 应是楼栋或小区的编号，“${unit.name}”是${UNIT_KIND_LABEL[unit.kind]}`, 'address_id');
  return unit;
}

function descriptionOf(params: Params): string {
  const d = one(params, 'description');
  if (d === undefined) throw badParam('请在 description 里写清遇到了什么问题', 'description');
  if (chars(d) < DESCRIPTION_MIN) throw badParam(`description 至少 ${DESCRIPTION_MIN} 个字，请写清遇到了什么问题`, 'description');
  if (chars(d) > DESCRIPTION_MAX) throw badParam(`description 最多 ${DESCRIPTION_MAX} 个字`, 'description');
  return d;
}

function locationOf(params: Params): string | null {
  const l = one(params, 'address_string');
  if (l === undefined) return null;
  if (chars(l) > LOCATION_MAX) throw badParam(`address_string 最多 ${LOCATION_MAX} 个字（楼栋或小区内的位置，如“3单元 电梯”）`, 'address_string');
  return l;
}

/**
 * The building's watchers of a new urgent report (access.ts WATCHES_URGENT_IN_BUILDING), as
 * reports.create tells them: the building lead hears of a stopped lift whoever reported it.
 */
async function urgentWatchNotices(deps: Deps, r: Report, unit: Unit, label: ReportLabel): Promise<Notice[]> {
  if (!r.urgent || unit.kind !== 'building') return [];
  const watchers = new Set((await deps.store.bindings.listWithRoles([unit.id], WATCHES_URGENT_IN_BUILDING)).map((b) => b.personId));
  watchers.delete(r.handlerId ?? '');
  return [...watchers].flatMap((id) =>
    noticeTo(id, 'report.urgentWatch', '您楼里有一条紧急反映', { text: `已交${LEVEL_LABEL[r.level]}办理，您可以查看进展`, note: r.description }, about(r, label), 'resident'),
  );
}

export async function requestsPost(deps: Deps, req: Open311Request, format: Format, requestId: string): Promise<Open311Response> {
  // No form at all (an empty body, JSON, a file): nothing to read the fields from, the key included.
  if (req.form === null)
    throw new DomainError('INPUT.MALFORMED', '提交反映请用 application/x-www-form-urlencoded 表单，带上 api_key、service_code、address_id 和 description');
  const form = req.form;
  const key = await requireKey(deps, form);
  const code = one(form, 'service_code');
  if (code === undefined) throw badParam('缺少 service_code：可用的类别见 services.xml', 'service_code');
  const policy = await policyFor(deps, key.communityId);
  const category = findCategory(policy, code);
  if (!category) throw new DomainError('GEOREPORT.SERVICE_NOT_FOUND', `没有“${code.slice(0, 40)}”这个 service_code：可用的类别见 services.xml`, 'service_code');
  const unit = await unitOf(deps, form, key);
  const description = descriptionOf(form);
  const location = locationOf(form);

  const chain = await chainOf(deps, unit);
  const community = chain.find((u) => u.kind === 'community') ?? null;
  const change = createReport(
    await act(deps, policy, key.actorId, unit.path),
    {
      id: deps.ids.next('rep'),
      // The spec has no request id of the client's: each POST is a report of its own.
      clientRequestId: `open311-${requestId}`,
      residentId: null,
      createdBy: key.actorId,
      channel: 'open311',
      contactName: null,
      contactPhone: null,
      unitId: unit.id,
      unitPath: unit.path,
      communityId: community?.id ?? null,
      category,
      description,
      location,
      photos: [],
      anonymous: false,
    },
    route(category.entryLevel, category, chain, await handlerBindingsOn(deps, chain), policy),
  );
  const report = change.report;
  const label: ReportLabel = { categoryName: category.name, place: placeOf(unit.path, new Map(chain.map((u) => [u.id, u]))) };
  const notices = [
    ...noticeTo(report.handlerId, 'report.assigned', `新的民情反映：${category.name}`, { note: report.description }, about(report, label)),
    ...(await urgentWatchNotices(deps, report, unit, label)),
  ];
  // The report, its audit entry and its messages in one write, as reports.create writes them.
  const { created } = await deps.store.reports.insert(report, change.entries, {
    audit: [
      {
        id: deps.ids.next('aud'),
        at: deps.clock.now(),
        actorId: key.actorId,
        action: 'reports.create',
        targetKind: 'unit',
        targetId: unit.id,
        unitPath: unit.path,
        detail: { reportId: report.id, category: category.code, channel: 'open311', apiKeyId: key.id, partner: key.partner, requestId },
      },
    ],
    messages: notices.map((n) => deps.notifier.message(n)),
  });
  if (created) for (const n of notices) await deps.notifier.deliver(n);
  return answer(format, 'service_requests', [{ service_request_id: report.id, service_notice: serviceNotice(policy, category, report.level), account_id: null }]);
}
