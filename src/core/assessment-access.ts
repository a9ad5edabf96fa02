/**
 * Who may do what with property companies and assessments, as allow-lists (like points-access.ts):
 * a role no table names can do nothing here. Community staff (and the street above them) manage the
 * companies and the policy, compute a month, review and publish it. Residents — a household, known
 * by a `resident` binding with a door on a building of the compound — answer the survey. Anyone
 * bound in the compound (or above it) reads its published results. The actions ask the functions
 * below and never compare role strings themselves.
 */
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

/** Who manages companies and the policy, computes, reviews and publishes. */
export const RUNS_ASSESSMENTS: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Who answers the survey for their household: a resident of a building of the compound. */
export const ANSWERS_SURVEY: readonly Role[] = ['resident'];

const live = (bindings: readonly ScopedBinding[]) => bindings.filter((b) => !b.unit.archived);

/** Holds one of `roles` on `unit` or above it. */
const holdsOver = (bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Pick<Unit, 'path'>): boolean =>
  live(bindings).some((b) => roles.includes(b.role) && unit.path.startsWith(b.unit.path));

/** Runs the assessments of the community (or of a compound in it). */
export function mayRunAssessments(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holdsOver(bindings, RUNS_ASSESSMENTS, unit);
}

/** The top units whose assessments the person runs (none under another). */
export function assessmentRootsOf(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  const units = live(bindings).filter((b) => RUNS_ASSESSMENTS.includes(b.role)).map((b) => b.unit);
  return units.filter((u, i) => units.findIndex((v) => v.id === u.id) === i).filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

/** The resident bindings that make the person a household of the compound (a building under it). */
export function surveyBindingsIn<B extends ScopedBinding>(bindings: readonly B[], compound: Pick<Unit, 'path'>): B[] {
  return bindings.filter((b) => !b.unit.archived && ANSWERS_SURVEY.includes(b.role) && b.unit.kind === 'building' && b.unit.path.startsWith(compound.path));
}

/** Answers the compound's survey: a resident of one of its buildings. */
export function mayAnswerSurvey(bindings: readonly ScopedBinding[], compound: Pick<Unit, 'path'>): boolean {
  return surveyBindingsIn(bindings, compound).length > 0;
}

/**
 * Reads the compound's published results (its public page): bound anywhere in the compound, or on a
 * unit above it (the community's staff, the street). Any role: a resident sees their company's flag.
 */
export function maySeeAssessments(bindings: readonly ScopedBinding[], compound: Pick<Unit, 'path'>): boolean {
  return live(bindings).some((b) => b.unit.path.startsWith(compound.path) || compound.path.startsWith(b.unit.path));
}
