/** The audit log: who did what, when, to which unit, person or report, in words staff read. */
import { DEFAULT_POLICY, EVENT_LABEL, ROLE_LABEL, findCategory, type AuditView, type Report } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../store/port';
import { personAction, type FunctionDef } from '../define';
import { staffUnit } from './scope';

const AUDIT_LABEL: Record<string, string> = {
  'units.create': '新增单位',
  'units.rename': '修改单位名称',
  'units.move': '调整上级单位',
  'units.archive': '归档单位',
  'units.bind': '绑定角色',
  'units.unbind': '解除角色',
  'people.create': '新增人员',
  'people.unbindWechat': '解绑微信',
  'people.resetPassword': '重置密码',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.locked': '登录因密码错误次数过多被暂停',
  'auth.changePassword': '修改自己的密码',
  'codes.create': '生成码',
  'codes.revoke': '作废码',
  'registration.submit': '提交登记',
  'registration.approve': '通过登记',
  'registration.reject': '不通过登记',
  'checkin.submit': '提交报到',
  'checkin.approve': '通过报到',
  'checkin.return': '退回报到',
  'checkin.transferOut': '党员转出',
  'checkin.withdraw': '撤回报到',
  'lectures.createSpeaker': '添加主讲人',
  'lectures.editSpeaker': '修改主讲人',
  'lectures.archiveSpeaker': '移出人才库',
  'lectures.create': '新建讲堂',
  'lectures.edit': '修改讲堂',
  'lectures.publish': '发布讲堂',
  'lectures.cancel': '取消讲堂',
  'lectures.attendance': '讲堂签到',
  'pairings.pair': '党员联户结对',
  'pairings.setKinds': '修改联户户类别',
  'pairings.end': '解除联户结对',
  'pairings.saveKinds': '修改社区的户类别',
  'pairings.recordVisit': '记录走访',
  'groups.bind': '绑定楼栋群',
  'groups.unbind': '解绑楼栋群',
  'reports.create': '提交了反映',
  'reports.respond': '受理了反映',
  'reports.escalate': '上报了反映',
  'reports.transfer': '转办了反映',
  'reports.requestInfo': '请居民补充信息',
  'reports.provideInfo': '补充了信息',
  'reports.requestExtension': '申请延期',
  'reports.decideExtension': '审批了延期',
  'reports.resolve': '办结了反映',
  'reports.rejectDuplicate': '按重复反映不予受理',
  'reports.rejectNotActionable': '不予受理',
  'reports.comment': '备注了反映',
  'reports.rate': '评价了反映',
  'reports.dispute': '表示问题未解决',
  'reports.closeFollowUp': '完成了回访',
  'desk.reassign': '改派了反映',
  'desk.import': '导入了表格',
  'desk.saveSettings': '修改了反映时限设置',
  'desk.resetSettings': '恢复了默认反映时限',
  'holidays.save': '修改了节假日安排',
  'open311.issueKey': '发放了 Open311 接口密钥',
  'open311.revokeKey': '撤销了 Open311 接口密钥',
};

function auditLabel(action: string): string {
  if (AUDIT_LABEL[action]) return AUDIT_LABEL[action];
  const event = action.startsWith('reports.') ? action.slice(8) : '';
  return event in EVENT_LABEL ? EVENT_LABEL[event as keyof typeof EVENT_LABEL] : action;
}

/** Report actions are recorded against the report's unit with detail.reportId: shown as about the report. */
function auditTarget(e: AuditEntry): { kind: string; id: string } {
  const reportId = e.detail.reportId;
  if (typeof reportId === 'string' && e.action.startsWith('reports.')) return { kind: 'report', id: reportId };
  return { kind: e.targetKind, id: e.targetId };
}

async function auditViews(deps: Deps, entries: readonly AuditEntry[]): Promise<AuditView[]> {
  const targets = entries.map(auditTarget);
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  const reportIds = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const t = targets[i];
    if (e.actorId) personIds.add(e.actorId);
    if (t.kind === 'unit' || t.kind === 'settings') unitIds.add(t.id);
    if (t.kind === 'holidays') unitIds.add(t.id.split(':')[0]);
    if (t.kind === 'person') personIds.add(t.id);
    if (t.kind === 'report') reportIds.add(t.id);
    if (t.kind === 'binding' || t.kind === 'import') {
      if (typeof e.detail.unitId === 'string') unitIds.add(e.detail.unitId);
      if (typeof e.detail.personId === 'string') personIds.add(e.detail.personId);
    }
  }
  const [units, people, reports] = await Promise.all([
    deps.store.units.getMany([...unitIds]),
    deps.store.people.getMany([...personIds]),
    Promise.all([...reportIds].map((id) => deps.store.reports.get(id))),
  ]);
  const unit = new Map(units.map((u) => [u.id, u.name]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  const report = new Map(reports.filter((r): r is Report => !!r).map((r) => [r.id, r]));
  return entries.map((e, i) => {
    const t = targets[i];
    let targetName: string | null = null;
    if (t.kind === 'unit') targetName = unit.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'person') targetName = person.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'settings') targetName = `${unit.get(t.id) ?? ''}反映时限设置`;
    else if (t.kind === 'holidays') targetName = `${unit.get(t.id.split(':')[0]) ?? ''}${String(e.detail.year ?? '')}年节假日安排`;
    else if (t.kind === 'import') targetName = (e.detail.fileName as string | undefined) ?? null;
    else if (t.kind === 'report') {
      const r = report.get(t.id);
      targetName = r ? `${findCategory(DEFAULT_POLICY, r.category)?.name ?? r.category}：${r.description.slice(0, 20)}` : null;
    } else if (t.kind === 'binding') {
      const role = e.detail.role as keyof typeof ROLE_LABEL | undefined;
      targetName = [person.get(e.detail.personId as string), role ? ROLE_LABEL[role] : null, unit.get(e.detail.unitId as string)].filter(Boolean).join(' · ') || null;
    }
    const { requestId: _r, ...detail } = e.detail;
    return {
      id: e.id,
      at: e.at,
      actorName: e.actorId ? (person.get(e.actorId) ?? null) : '系统',
      action: e.action,
      actionLabel: auditLabel(e.action),
      targetKind: t.kind,
      targetId: t.id,
      targetName,
      detail,
    };
  });
}

export const auditLog: FunctionDef = {
  audit: personAction(schemas.management.audit, async (ctx, input) => {
    const { deps } = ctx;
    const unit = await staffUnit(ctx, input.unitId);
    const limit = input.limit ?? 50;
    const filter = { path: unit.path, targetId: input.targetId, actorId: input.actorId, action: input.action, from: input.from, to: input.to, before: input.before };
    let entries = await deps.store.audit.search(filter, limit + 1);
    const more = entries.length > limit;
    if (more) {
      // Page on a whole millisecond: the next page starts `before` the last one shown, so the
      // entries sharing that instant all go on this page.
      const edge = entries[limit - 1].at;
      entries = entries.slice(0, limit).filter((e) => e.at !== edge);
      entries.push(...(await deps.store.audit.search({ ...filter, from: Math.max(edge, filter.from ?? edge), to: edge + 1 }, 10_000)));
    }
    return { entries: await auditViews(deps, entries), more };
  }),
};
