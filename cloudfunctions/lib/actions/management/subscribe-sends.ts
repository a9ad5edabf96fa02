/**
 * What became of the WeChat subscribe messages sent in the last days (management.subscribeSends), per
 * notice kind and template: sent, refused by the person, failed, and the last failure's error. The
 * sends are the whole environment's, not a unit's: templates are configured once for every function.
 */
import { dayKey, type SubscribeSendTotals } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { personAction, type FunctionDef } from '../define';
import { staffRoots } from './scope';

const DAY = 24 * 3600_000;

/** The notice kinds in words; a kind not named here shows as its code. */
const KIND_LABEL: Record<string, string> = {
  'report.assigned': '新反映交办',
  'report.responded': '反映有人响应',
  'report.escalated': '反映已上报',
  'report.transferred': '反映已转交',
  'report.needsInfo': '请居民补充情况',
  'report.infoProvided': '居民已补充情况',
  'report.extensionRequested': '延期待审批',
  'report.extensionDecided': '延期审批结果',
  'report.resolved': '反映已办结',
  'report.rejected': '反映未受理',
  'report.disputed': '居民说没解决',
  'report.followUp': '待回访',
  'report.followed': '邻居跟进反映',
  'report.urgentWatch': '楼里有紧急反映',
  'report.warning': '反映即将超时',
  'report.breached': '反映已超时',
  'registration.pending': '入住登记待审核',
  'registration.approved': '入住登记已通过',
  'registration.rejected': '入住登记未通过',
  'holidays.missing': '节假日安排未录入',
  'checkin.pending': '党员报到待审核',
  'checkin.approved': '党员报到已通过',
  'checkin.returned': '党员报到被退回',
  'checkin.transferred_out': '党员已转出',
  'checkin.withdrawn': '党员报到已撤回',
  'lecture.reminder': '讲堂明天开讲',
  'lecture.promoted': '讲堂候补转正',
  'lecture.cancelled': '讲堂已取消',
};

export const subscribeSends: FunctionDef = {
  subscribeSends: personAction(schemas.management.subscribeSends, async (ctx, input) => {
    staffRoots(ctx);
    const now = ctx.deps.clock.now();
    const from = dayKey(now - ((input.days ?? 7) - 1) * DAY);
    const byTemplate = new Map<string, SubscribeSendTotals>();
    for (const d of await ctx.deps.store.subscribeSends.listSince(from)) {
      const key = `${d.kind}|${d.templateId}`;
      const t = byTemplate.get(key) ?? { kind: d.kind, kindLabel: KIND_LABEL[d.kind] ?? d.kind, templateId: d.templateId, sent: 0, refused: 0, failed: 0, lastError: null, lastErrorAt: null };
      t.sent += d.sent;
      t.refused += d.refused;
      t.failed += d.failed;
      if (d.lastErrorAt !== null && (t.lastErrorAt === null || d.lastErrorAt > t.lastErrorAt)) {
        t.lastError = d.lastError;
        t.lastErrorAt = d.lastErrorAt;
      }
      byTemplate.set(key, t);
    }
    const templates = [...byTemplate.values()].sort((a, b) => b.failed - a.failed || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    return { from, to: dayKey(now), templates };
  }),
};
