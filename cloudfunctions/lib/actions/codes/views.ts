/**
 * How a code reads: in the management page's list (CodeView, with who made it and whom it is
 * for) and on the landing page anyone opens by scanning it (ResolvedCode: what it does and where,
 * a personal code's person masked). The names both need are looked up once per answer.
 */
import {
  CODE_PURPOSE_DOES,
  CODE_PURPOSE_LABEL,
  CODE_STATUS_LABEL,
  ancestorIds,
  codeStatus,
  type Code,
  type CodeView,
  type ResolvedCode,
  type Unit,
  type UnitKind,
  type UnitRef,
} from '../../../../src/core';
import type { Deps } from '../../deps';

export interface CodeNames {
  /** The codes' units and every unit above them. */
  units: Map<string, Unit>;
  people: Map<string, { id: string; name: string }>;
}

/** The kinds a trail names: the places a resident knows (not the street, not a grid). */
const TRAIL_KINDS: readonly UnitKind[] = ['community', 'compound', 'building'];

export const unitRef = (u: Pick<Unit, 'id' | 'name' | 'kind' | 'path'>): UnitRef => ({ id: u.id, name: u.name, kind: u.kind, path: u.path });

/** "阳光社区 幸福里小区 3号楼": from the community down to the unit. */
export function trailOf(unit: Pick<Unit, 'path'>, units: ReadonlyMap<string, Unit>): string {
  return ancestorIds(unit.path)
    .map((id) => units.get(id))
    .filter((u): u is Unit => !!u && TRAIL_KINDS.includes(u.kind))
    .map((u) => u.name)
    .join(' ');
}

/** 张*华, 张*, 欧阳**华: enough for the person to know it is theirs, not enough to name them to a stranger. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * The units on the codes' paths (their own units' current paths: a unit may have moved since the
 * code was made) and the people they name. `known`: units the caller has just read, whose trails
 * are wanted too.
 */
export async function codeNames(deps: Deps, codes: readonly Code[], known: readonly Unit[] = [], extraPeople: readonly string[] = []): Promise<CodeNames> {
  const units = new Map(known.map((u) => [u.id, u]));
  const missingOwn = [...new Set(codes.map((c) => c.unitId))].filter((id) => !units.has(id));
  for (const u of missingOwn.length ? await deps.store.units.getMany(missingOwn) : []) units.set(u.id, u);
  const above = new Set<string>();
  const paths = [...known.map((u) => u.path), ...codes.map((c) => units.get(c.unitId)?.path ?? c.unitPath)];
  for (const p of paths) for (const id of ancestorIds(p)) if (!units.has(id)) above.add(id);
  const personIds = new Set<string>(extraPeople);
  for (const c of codes) {
    personIds.add(c.createdBy);
    if (c.personId) personIds.add(c.personId);
  }
  const [more, people] = await Promise.all([above.size ? deps.store.units.getMany([...above]) : [], personIds.size ? deps.store.people.getMany([...personIds]) : []]);
  for (const u of more) units.set(u.id, u);
  return { units, people: new Map(people.map((p) => [p.id, { id: p.id, name: p.name }])) };
}

/** The code's unit as it is now; as it was when the code was made if it is gone. */
function unitOf(c: Code, names: CodeNames): Pick<Unit, 'id' | 'name' | 'kind' | 'path'> {
  return names.units.get(c.unitId) ?? { id: c.unitId, name: '', kind: 'building', path: c.unitPath };
}

export function codeView(c: Code, names: CodeNames, now: number): CodeView {
  const unit = unitOf(c, names);
  const status = codeStatus(c, now);
  return {
    id: c.id,
    purpose: c.purpose,
    purposeLabel: CODE_PURPOSE_LABEL[c.purpose],
    unit: unitRef(unit),
    trail: trailOf(unit, names.units),
    person: c.personId ? (names.people.get(c.personId) ?? null) : null,
    label: c.label,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    useLimit: c.useLimit,
    uses: c.uses,
    scans: c.scans,
    status,
    statusLabel: CODE_STATUS_LABEL[status],
    createdAt: c.createdAt,
    createdBy: names.people.get(c.createdBy) ?? null,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
  };
}

export function resolvedCode(c: Code, names: CodeNames): ResolvedCode {
  const unit = unitOf(c, names);
  const person = c.personId ? names.people.get(c.personId) : undefined;
  return {
    id: c.id,
    purpose: c.purpose,
    purposeLabel: CODE_PURPOSE_LABEL[c.purpose],
    does: CODE_PURPOSE_DOES[c.purpose],
    unit: unitRef(unit),
    trail: trailOf(unit, names.units),
    personName: person ? maskName(person.name) : null,
    validUntil: c.validUntil,
    usesLeft: c.useLimit === null ? null : Math.max(0, c.useLimit - c.uses),
  };
}
