/**
 * Partner organisations (共建单位), the `partners` function: staff register partners and link their
 * in-service members, post needs, ask for resources, answer claims and close projects, read visits and
 * the year's figures (.xlsx); a partner's contact and linked members offer resources, claim needs of the
 * communities they partner with (双向认领), answer what the community asks, keep milestones and record
 * visits. The rules: src/core/partners.ts (the transition tables) and src/core/partner-access.ts (who
 * may do what).
 */
import type { FunctionDef } from '../define';
import { decisions } from './decisions';
import { exportFigures } from './export';
import { figures } from './figures';
import { members } from './members';
import { milestones } from './milestones';
import { mine } from './mine';
import { needs } from './needs';
import { partners as partnerActions } from './partners';
import { projects } from './projects';
import { resources } from './resources';
import { visits } from './visits';

export const partners: FunctionDef = {
  ...partnerActions,
  ...members,
  ...resources,
  ...needs,
  ...projects,
  ...decisions,
  ...milestones,
  ...visits,
  ...figures,
  ...exportFigures,
  ...mine,
};
