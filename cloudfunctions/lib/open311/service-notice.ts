/**
 * service_notice: "information about the action expected to fulfill the request" — for us, who
 * handles it and the deadline of the level it is at, in words: "由小区处理：4 个工作小时内响应，3 个
 * 工作日内办结。" Deadlines count working time on the official calendar, or plain hours for urgent
 * categories (core/reports/deadlines.ts).
 */
import { LEVEL_LABEL, deadlineFor, type Category, type CommunityPolicy, type Level } from '../../../src/core';

/** 0.5 → "0.5", 4 → "4". */
const num = (n: number) => String(Number(n.toFixed(2)));

export function serviceNotice(policy: CommunityPolicy, category: Pick<Category, 'code' | 'urgent'>, level: Level): string {
  const d = deadlineFor(policy, category.code, level);
  const by = `由${LEVEL_LABEL[level]}处理`;
  if (category.urgent) return `紧急，${by}：${num(d.urgentRespondHours)} 小时内响应，${num(d.urgentResolveHours)} 小时内办结。`;
  return `${by}：${num(d.respondHours)} 个工作小时内响应，${num(d.resolveDays)} 个工作日内办结（不含节假日）。`;
}
