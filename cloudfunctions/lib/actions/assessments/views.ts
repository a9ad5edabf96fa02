/** What the assessments function shows: companies with their compounds and managers, a month's assessment with its flag in words. */
import {
  ASSESSMENT_STATUS_LABEL,
  FLAG_LABEL,
  NO_FLAG_LABEL,
  ancestorIds,
  type Assessment,
  type AssessmentView,
  type CompanyRef,
  type PropertyCompany,
  type PropertyCompanyView,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf, unitRef } from '../codes/views';

/** "2026-11" → "2026年11月". */
export const monthLabel = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

export const companyRef = (c: Pick<PropertyCompany, 'id' | 'name' | 'contactPhone'>): CompanyRef => ({ id: c.id, name: c.name, contactPhone: c.contactPhone });

/** The units above and including `units` (for trails), by id. */
export async function unitsWithAncestors(deps: Deps, units: readonly Unit[]): Promise<Map<string, Unit>> {
  const ids = [...new Set(units.flatMap((u) => [...ancestorIds(u.path), u.id]))];
  return new Map((await deps.store.units.getMany(ids)).map((u) => [u.id, u]));
}

/** The companies as the management page lists them: their compounds by name, their managers (property_manager bindings on those compounds). */
export async function companyViews(deps: Deps, companies: readonly PropertyCompany[]): Promise<PropertyCompanyView[]> {
  const compoundIds = [...new Set(companies.flatMap((c) => c.compoundIds))];
  const units = new Map((await deps.store.units.getMany(compoundIds)).map((u) => [u.id, u]));
  const bindings = compoundIds.length ? await deps.store.bindings.listWithRoles(compoundIds, ['property_manager']) : [];
  const people = new Map((await deps.store.people.getMany([...new Set(bindings.map((b) => b.personId))])).map((p) => [p.id, p]));
  return companies.map((c) => ({
    ...companyRef(c),
    version: c.version,
    communityId: c.communityId,
    compounds: c.compoundIds.flatMap((id) => (units.has(id) ? [unitRef(units.get(id)!)] : [])),
    managers: bindings
      .filter((b) => c.compoundIds.includes(b.unitId))
      .map((b) => ({ id: b.personId, name: people.get(b.personId)?.name ?? '（已注销）', compoundId: b.unitId })),
    archived: c.archived,
    createdAt: c.createdAt,
  }));
}

/** Why a month has no flag, with the counts: "物业办理的反映太少（1 件，至少 3 件）". */
function noFlagText(a: Assessment): string | null {
  if (a.result.flag) return null;
  const parts = a.result.noFlagReasons.map((r) =>
    r === 'few_reports'
      ? `${NO_FLAG_LABEL[r]}（${a.figures.reports} 件，至少 ${a.policy.minReports} 件）`
      : `${NO_FLAG_LABEL[r]}（${a.survey.answers} 户，至少 ${a.policy.minAnswers} 户）`,
  );
  return parts.length ? parts.join('；') : '这个月没有可以计算的数据';
}

export interface AssessmentNames {
  units: Map<string, Unit>;
  people: Map<string, string>;
  companies: Map<string, PropertyCompany>;
}

/** The names the views of `list` need: the compounds' trails, the publishers, the companies' phones. */
export async function assessmentNames(deps: Deps, list: readonly Assessment[], compounds: readonly Unit[] = []): Promise<AssessmentNames> {
  const known = new Map(compounds.map((u) => [u.id, u]));
  const missing = [...new Set(list.map((a) => a.compoundId))].filter((id) => !known.has(id));
  const all = [...compounds, ...(await deps.store.units.getMany(missing))];
  const units = await unitsWithAncestors(deps, all);
  const publishers = [...new Set(list.flatMap((a) => (a.publishedBy ? [a.publishedBy] : [])))];
  const people = new Map((await deps.store.people.getMany(publishers)).map((p) => [p.id, p.name]));
  const companies = new Map<string, PropertyCompany>();
  for (const id of new Set(list.map((a) => a.companyId))) {
    const c = await deps.store.propertyCompanies.get(id);
    if (c) companies.set(id, c);
  }
  return { units, people, companies };
}

export function assessmentView(a: Assessment, n: AssessmentNames): AssessmentView {
  const compound = n.units.get(a.compoundId);
  const company = n.companies.get(a.companyId);
  return {
    id: a.id,
    version: a.version,
    compound: compound ? unitRef(compound) : { id: a.compoundId, name: '（已删除的小区）', kind: 'compound', path: a.compoundPath },
    trail: compound ? trailOf(compound, n.units) : '（已删除的小区）',
    month: a.month,
    monthLabel: monthLabel(a.month),
    // The name it was assessed under: a renamed company keeps its history as it was printed.
    company: { id: a.companyId, name: a.companyName, contactPhone: company?.contactPhone ?? null },
    figures: a.figures,
    survey: a.survey,
    policy: a.policy,
    result: a.result,
    flag: a.result.flag,
    flagLabel: a.result.flag ? FLAG_LABEL[a.result.flag] : null,
    noFlagText: noFlagText(a),
    status: a.status,
    statusLabel: ASSESSMENT_STATUS_LABEL[a.status],
    computedAt: a.computedAt,
    publishedAt: a.publishedAt,
    publishedBy: a.publishedBy ? { id: a.publishedBy, name: n.people.get(a.publishedBy) ?? '（已注销）' } : null,
  };
}
