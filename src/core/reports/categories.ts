/**
 * What residents report, with the level a report starts at and whether it is urgent. Defaults
 * from what residents actually report; each community may edit its own (CommunityPolicy).
 */
import type { Unit } from '../units';

/**
 * Every level a report can be at, lowest first. The grid (网格) is a level only in a community that
 * made it one in its settings (CommunityPolicy.gridLevel), and only for a report under a grid:
 * everywhere else reports go from the building straight to the compound, as they always did.
 */
export const LEVELS = ['building', 'grid', 'compound', 'community', 'street'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = { building: '楼栋', grid: '网格', compound: '小区', community: '社区', street: '街道' };

/** What decides whether the grid is a level: the community's switch (absent in settings saved before it: off). */
export interface LevelSwitch {
  gridLevel?: boolean;
}

/**
 * Per-level figures in outputs: the grid's only where it is a level (or has reports), so a
 * community that leaves it off reads exactly what it read before.
 */
export type PerLevel<T> = Record<Exclude<Level, 'grid'>, T> & Partial<Record<'grid', T>>;

/** The levels of a community's reports, lowest first. */
export function levelsOf(policy: LevelSwitch): Level[] {
  return LEVELS.filter((l) => l !== 'grid' || !!policy.gridLevel);
}

/** Whether a report at `level` has a level above it: everywhere but the street, whatever the community's levels. */
export function hasLevelAbove(level: Level): boolean {
  return level !== LEVELS[LEVELS.length - 1];
}

/**
 * The level above `level` for the community (null at the street). Given the report's unit and the
 * units above it, the grid counts only when the report sits under one; without them, it counts
 * whenever the community has the level on (routing skips it, silently, where there is no grid).
 * A report left at the grid by a community that turned the level off still goes on to the compound.
 */
export function nextLevel(level: Level, policy: LevelSwitch, ancestors?: readonly Pick<Unit, 'kind'>[]): Level | null {
  const on = levelsOf(policy).filter((l) => l !== 'grid' || !ancestors || ancestors.some((u) => u.kind === 'grid'));
  return LEVELS.slice(LEVELS.indexOf(level) + 1).find((l) => on.includes(l)) ?? null;
}

export interface Category {
  code: string;
  name: string;
  /** An emoji the category grid shows; large and recognisable for older residents. */
  icon: string;
  entryLevel: Level;
  urgent: boolean;
  /** Who handles it at the compound: the property company or the party branch secretary. */
  compoundHandler: 'property_manager' | 'compound_secretary';
}

export const DEFAULT_CATEGORIES: Category[] = [
  { code: 'neighbour_dispute', name: '邻里纠纷', icon: '🤝', entryLevel: 'building', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'noise', name: '噪音扰民', icon: '🔊', entryLevel: 'building', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'illegal_construction', name: '违章搭建', icon: '🏗️', entryLevel: 'community', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'residence_permit', name: '居住证明与证件', icon: '📄', entryLevel: 'community', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'public_facility', name: '路灯道路管道', icon: '💡', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' },
  { code: 'lift', name: '电梯故障', icon: '🛗', entryLevel: 'compound', urgent: true, compoundHandler: 'property_manager' },
  { code: 'sanitation', name: '环境卫生与垃圾分类', icon: '🗑️', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' },
  { code: 'fire_safety', name: '消防通道与安全隐患', icon: '🧯', entryLevel: 'compound', urgent: true, compoundHandler: 'property_manager' },
  { code: 'property_service', name: '物业服务', icon: '🏢', entryLevel: 'compound', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'ebike', name: '电动车充电停放', icon: '🛵', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' },
  { code: 'other', name: '其他', icon: '💬', entryLevel: 'building', urgent: false, compoundHandler: 'compound_secretary' },
];
