/**
 * What people are told about projects (双向认领): the other side when one side claims a need or asks for
 * a resource (please accept); whoever proposed it when it is accepted or declined; the other side when
 * it is cancelled; both owners and the partner's contact when the community closes it. Each lands in
 * the in-app messages and, in the cloud, as a subscribe message when a template is configured for its
 * kind. A notice never fails the change that caused it: it is sent after the change is stored, and a
 * failure is logged.
 *
 * Fields for a template's keywords (JINLIN_SUBSCRIBE_TEMPLATES maps keyword → one of these):
 *   project  thing   the project's title, shortened
 *   status   phrase  待确认 / 已接受 / 未接受 / 已取消 / 已完成
 *   note     thing   what to do, or what happened
 */
import { projectPage, subscribeThing, type Partner, type Project, type ProjectSide } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';

const quoted = (p: Project) => `“${subscribeThing(p.title, 30)}”`;

function notice(personId: string, kind: string, p: Project, title: string, body: string, status: string, note: string): Notice {
  return { personId, kind, title, body, page: projectPage(p.id), fields: { project: subscribeThing(p.title), status, note: subscribeThing(note) } };
}

const distinct = (ids: (string | null | undefined)[], except: string | null) => [...new Set(ids.filter((id): id is string => !!id && id !== except))];

/** The people who answer for a side of a project: its owner, and the one who proposed it from that side; the partner's contact. */
export function sidePeople(p: Project, side: ProjectSide, partner: Partner | null, except: string | null): string[] {
  if (side === 'community') return distinct([p.communityOwnerId, p.startedBy === 'community' ? p.proposedBy : null], except);
  return distinct([p.partnerOwnerId, partner?.contact.personId, p.startedBy === 'partner' ? p.proposedBy : null], except);
}

/** A partner claimed a need: whoever posted it is asked to accept. */
export function claimedNotices(p: Project, partner: Partner, needPostedBy: string, note: string | null): Notice[] {
  return distinct([needPostedBy], p.proposedBy).map((id) =>
    notice(
      id,
      'project.claimed',
      p,
      '共建单位认领了需求，请确认',
      `${partner.name}认领了需求${quoted(p)}${note ? `，说明：${note}` : ''}。请在管理后台“共建单位 · 项目”里确认接受，或说明原因不接受。`,
      '待确认',
      `${partner.name}认领了，请确认`,
    ),
  );
}

/** The community asked for a resource: the partner's contact (and who offered it) are asked to accept. */
export function askedNotices(p: Project, partner: Partner, offeredBy: string, community: string): Notice[] {
  return distinct([partner.contact.personId, offeredBy], p.proposedBy).map((id) =>
    notice(id, 'project.asked', p, '社区申请使用您单位的资源', `${community}申请使用${partner.name}的资源，项目${quoted(p)}。请在“我的共建单位”里确认接受，或说明原因不接受。`, '待确认', `${community}申请，请确认`),
  );
}

export function acceptedNotice(p: Project): Notice[] {
  return distinct([p.proposedBy], p.decidedBy).map((id) => notice(id, 'project.accepted', p, '项目已被对方接受', `项目${quoted(p)}已被对方接受，开始进行。可以在项目里添加节点，记下进度。`, '已接受', '项目开始进行'));
}

export function declinedNotice(p: Project): Notice[] {
  const why = p.reason ?? '未说明';
  return distinct([p.proposedBy], p.decidedBy).map((id) => notice(id, 'project.declined', p, '项目未被对方接受', `项目${quoted(p)}没有被对方接受，原因：${why}。`, '未接受', `原因：${why}`));
}

export function cancelledNotices(p: Project, by: ProjectSide, partner: Partner | null, cancelledBy: string): Notice[] {
  const why = p.reason ?? '未说明';
  const other: ProjectSide = by === 'community' ? 'partner' : 'community';
  return sidePeople(p, other, partner, cancelledBy).map((id) => notice(id, 'project.cancelled', p, '项目已取消', `项目${quoted(p)}已被对方取消，原因：${why}。`, '已取消', `原因：${why}`));
}

export function closedNotices(p: Project, partner: Partner | null, closedBy: string): Notice[] {
  return distinct([p.communityOwnerId, p.partnerOwnerId, partner?.contact.personId], closedBy).map((id) =>
    notice(id, 'project.closed', p, '项目已完成', `社区确认项目${quoted(p)}已完成，成效已记入共建台账。感谢您的付出！`, '已完成', '社区确认完成'),
  );
}

/** Sends each notice once the change is stored; a notice never fails the change. */
export async function tell(deps: Deps, notices: readonly Notice[]): Promise<void> {
  await Promise.all(
    notices.map((n) => deps.notifier.notify(n).catch((e: unknown) => deps.log.error('project notice not sent', { kind: n.kind, personId: n.personId, error: String(e) }))),
  );
}
