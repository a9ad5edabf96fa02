/**
 * The year's figures as a spreadsheet (共建台账, .xlsx) for the year-end review: 汇总, 共建单位, 项目, 走访.
 */
import { NEED_STATUS_LABEL, PROJECT_STATUS_LABEL, formatChina, formatDateTime, type PartnerFigures } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { partnersWorkbook, type PartnersSheet } from '../../spreadsheets/partners';
import { XLSX_MIME } from '../../spreadsheets/spreadsheet';
import { personAction, type FunctionDef } from '../define';
import { yearFigures } from './figures';
import { staffCommunity } from './scope';
import { namesFor, partnerRefOf, personRef } from './views';

const FIGURE_COLUMNS: [keyof PartnerFigures, string][] = [
  ['resourcesOffered', '提供资源'],
  ['needsMet', '满足需求'],
  ['projectsOpen', '进行中项目'],
  ['projectsDone', '完成项目'],
  ['visits', '走访次数'],
  ['membersLinked', '在职党员'],
];

export const exportFigures: FunctionDef = {
  export: personAction(schemas.partners.export, async (ctx, input) => {
    const { deps } = ctx;
    const community = await staffCommunity(ctx, input.communityId);
    const { view, partners, projects, visits } = await yearFigures(deps, community, input.year);
    const n = await namesFor(
      deps,
      {
        partnerIds: [...projects.map((p) => p.partnerId), ...visits.map((v) => v.partnerId)],
        personIds: [...projects.flatMap((p) => [p.communityOwnerId, p.partnerOwnerId]), ...visits.map((v) => v.by), ...partners.map((p) => p.contact.personId)],
        needIds: [...projects.map((p) => p.needId), ...visits.map((v) => v.needId)],
      },
      { partners: new Map(partners.map((p) => [p.id, p])) },
    );
    const byId = new Map(view.rows.map((r) => [r.partner.id, r]));
    const summary: PartnersSheet = {
      name: '汇总',
      columns: [
        ['项目', 20],
        ['数量', 10],
      ],
      rows: [
        ['共建单位', view.total.partners],
        ['发布需求', view.total.needsPosted],
        ...FIGURE_COLUMNS.map(([k, label]) => [label, view.total[k]] as [string, number]),
        ['本月未走访的单位', view.notVisitedThisMonth.map((p) => p.name).join('、') || '无'],
      ],
    };
    const partnerSheet: PartnersSheet = {
      name: '共建单位',
      columns: [['单位名称', 24], ['类型', 10], ['地址', 28], ['联络人', 10], ['联系电话', 14], ['签约日期', 12], ['协议截止', 12], ['共建内容', 36], ...FIGURE_COLUMNS.map(([, label]) => [label, 10] as [string, number]), ['状态', 8]],
      rows: partners.map((p) => {
        const f = byId.get(p.id)!;
        return [
          p.name,
          f.partner.kindLabel,
          p.address,
          p.contact.name,
          p.contact.phone,
          p.agreement.signedOn,
          p.agreement.until ?? '长期',
          p.agreement.terms,
          ...FIGURE_COLUMNS.map(([k]) => f[k]),
          p.archived ? '已停止' : '共建中',
        ];
      }),
    };
    const projectSheet: PartnersSheet = {
      name: '项目',
      columns: [['项目', 24], ['共建单位', 22], ['发起', 12], ['状态', 10], ['对应需求', 22], ['社区负责人', 10], ['单位负责人', 10], ['节点', 8], ['发起时间', 17], ['完成时间', 17], ['成效', 40]],
      rows: projects.map((p) => {
        const need = p.needId ? n.needs.get(p.needId) : undefined;
        return [
          p.title,
          partnerRefOf(p.partnerId, n).name,
          p.startedBy === 'community' ? '社区发起' : '共建单位认领',
          PROJECT_STATUS_LABEL[p.status],
          need ? `${need.title}（${NEED_STATUS_LABEL[need.status]}）` : '',
          personRef(p.communityOwnerId, n)?.name ?? '',
          personRef(p.partnerOwnerId, n)?.name ?? '',
          `${p.milestones.filter((m) => m.doneAt !== null).length}/${p.milestones.length}`,
          formatDateTime(p.createdAt),
          p.closedAt ? formatDateTime(p.closedAt) : '',
          p.result?.text ?? '',
        ];
      }),
    };
    const visitSheet: PartnersSheet = {
      name: '走访',
      columns: [['日期', 12], ['共建单位', 22], ['见了谁', 20], ['了解到的诉求', 40], ['反馈', 30], ['记录人', 10], ['转为', 20]],
      rows: [...visits]
        .sort((a, b) => a.day.localeCompare(b.day) || a.createdAt - b.createdAt)
        .map((v) => [
          v.day,
          partnerRefOf(v.partnerId, n).name,
          v.met,
          v.raised,
          v.feedback,
          personRef(v.by, n)?.name ?? '',
          [v.needId ? `需求：${n.needs.get(v.needId)?.title ?? ''}` : '', v.reportId ? '民情反映' : ''].filter(Boolean).join('；'),
        ]),
    };
    const now = deps.clock.now();
    return {
      fileName: `${community.name}共建台账_${input.year}年_${formatChina(now, 'YYYY-MM-DD')}.xlsx`,
      mimeType: XLSX_MIME,
      base64: await partnersWorkbook(`${community.name}${input.year}年共建单位台账（导出于 ${formatDateTime(now)}）`, [summary, partnerSheet, projectSheet, visitSheet]),
    };
  }),
};
