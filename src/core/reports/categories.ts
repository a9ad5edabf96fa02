/**
 * What residents report, with the level a report starts at and whether it is urgent. Defaults
 * from what residents actually report; each community may edit its own (CommunityPolicy).
 */
export const LEVELS = ['building', 'compound', 'community', 'street'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = { building: '楼栋', compound: '小区', community: '社区', street: '街道' };

export function nextLevel(level: Level): Level | null {
  const i = LEVELS.indexOf(level);
  return i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
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
