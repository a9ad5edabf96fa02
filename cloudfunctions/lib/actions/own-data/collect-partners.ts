/**
 * 我的信息's 共建单位: the partners the person is the contact of, the partner they are linked to as an
 * in-service member, the projects of those partners they own (either side), and the visits they
 * recorded. Reads only. What they did for a partner they no longer act for is the partner's record.
 */
import { OWN_DATA_MAX_ITEMS, PROJECT_STATUS_LABEL, type OwnPartner, type Partner } from '../../../../src/core';
import type { Deps } from '../../deps';

const READ = OWN_DATA_MAX_ITEMS + 1;

export async function collectPartners(deps: Deps, personId: string): Promise<OwnPartner[]> {
  const { store } = deps;
  const [contactOf, link] = await Promise.all([store.partners.contactOf(personId), store.partners.memberLink(personId)]);
  const linked = link ? await store.partners.get(link.partnerId) : null;
  const partners = new Map<string, Partner>([...contactOf, ...(linked ? [linked] : [])].map((p) => [p.id, p]));
  const ids = [...partners.keys()];
  const name = (id: string) => partners.get(id)?.name ?? '';
  const [projects, visits] = ids.length
    ? await Promise.all([store.projects.list({ partnerIds: ids }, READ, 0), store.partnerVisits.list({ partnerIds: ids }, READ, 0)])
    : [{ projects: [] }, { visits: [] }];
  const items: OwnPartner[] = [
    ...contactOf.map((p) => ({ what: 'contact' as const, partnerId: p.id, partnerName: p.name, text: '', at: p.createdAt })),
    ...(link && linked ? [{ what: 'member' as const, partnerId: linked.id, partnerName: linked.name, text: '', at: link.linkedAt }] : []),
    ...projects.projects
      .filter((p) => p.partnerOwnerId === personId || p.communityOwnerId === personId)
      .map((p) => ({ what: 'project' as const, partnerId: p.partnerId, partnerName: name(p.partnerId), text: `${p.title}（${PROJECT_STATUS_LABEL[p.status]}）`, at: p.createdAt })),
    ...visits.visits.filter((v) => v.by === personId).map((v) => ({ what: 'visit' as const, partnerId: v.partnerId, partnerName: name(v.partnerId), text: `${v.day}：${v.raised}`, at: v.createdAt })),
  ];
  return items.sort((a, b) => b.at - a.at);
}
