/** How the dashboard names its three rates and colours its levels. */
import type { Level } from '../../api';
import { LEVELS } from '../../core';

export const RATE_NAMES = {
  responseRate: { title: '响应率', hint: '按时响应的反映 ÷ 本月应响应的反映', num: '按时响应', den: '应响应' },
  onTimeRate: { title: '按时办结率', hint: '按时办结的反映 ÷ 本月办结的反映', num: '按时办结', den: '已办结' },
  satisfactionRate: { title: '满意率', hint: '满意和基本满意 ÷ 本月已评价的反映', num: '满意', den: '已评价' },
} as const;
export type RateKey = keyof typeof RATE_NAMES;
export const RATE_KEYS = Object.keys(RATE_NAMES) as RateKey[];
export const LEVEL_COLORS: Record<Level, string> = { building: '#52c41a', grid: '#13c2c2', compound: '#1677ff', community: '#faad14', street: '#f5222d' };

/** The levels a figure has, in order: the grid only where the server counts it (a community that made it a level). */
export const levelsIn = (byLevel: Partial<Record<Level, unknown>>): Level[] => LEVELS.filter((l) => byLevel[l] !== undefined);
