/**
 * The partner's side in the mini-program (我的共建单位): the partners the caller acts for — as contact or
 * as a linked in-service member — each with its projects, its resources, the open needs of the
 * communities it partners with (and no other community's), and its latest visits. Nobody else's.
 */
import type { MyPartner } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { personAction, type FunctionDef } from '../define';
import { needViews, projectViews, resourceViews, visitViews } from './answers';
import { standingOf } from './standing';
import { namesFor, partnerRef, unitRefOf } from './views';

/** A partner's lists in the mini-program are short: the newest this many of each. */
const SHOWN = 50;

const SIDE_LABEL = { contact: '联络人', member: '在职党员' } as const;

export const mine: FunctionDef = {
  mine: personAction(schemas.partners.mine, async (ctx): Promise<{ partners: MyPartner[] }> => {
    const { deps } = ctx;
    const s = await standingOf(ctx);
    const acting = [...s.acting.values()];
    const n = await namesFor(deps, { unitIds: acting.flatMap((a) => a.partner.communityIds) });
    const partners = await Promise.all(
      acting.map(async ({ partner, side }): Promise<MyPartner> => {
        const communities = partner.communityIds.filter((id) => n.units.has(id));
        const [projects, resources, needs, visits] = await Promise.all([
          deps.store.projects.list({ partnerIds: [partner.id] }, SHOWN, 0),
          deps.store.partners.resources([partner.id], null, SHOWN, 0),
          communities.length ? deps.store.needs.list(communities, 'open', SHOWN, 0) : Promise.resolve({ needs: [], total: 0 }),
          deps.store.partnerVisits.list({ partnerIds: [partner.id] }, SHOWN, 0),
        ]);
        return {
          partner: partnerRef(partner),
          side,
          sideLabel: SIDE_LABEL[side],
          communities: communities.map((id) => unitRefOf(id, n)),
          projects: await projectViews(ctx, projects.projects, s),
          resources: await resourceViews(ctx, resources.resources, s),
          openNeeds: await needViews(ctx, needs.needs, s),
          visits: await visitViews(ctx, visits.visits),
        };
      }),
    );
    return { partners };
  }),
};
