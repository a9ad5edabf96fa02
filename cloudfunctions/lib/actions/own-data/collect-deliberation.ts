/**
 * 我的信息's 议事: the opinions the person left (with the reason staff gave when they hid one) and the
 * household votes they cast last (which option). Reads only.
 */
import { OWN_DATA_MAX_ITEMS, type OwnDeliberation } from '../../../../src/core';
import type { Deps } from '../../deps';

export async function collectDeliberation(deps: Deps, personId: string): Promise<OwnDeliberation[]> {
  const [opinions, votes] = await Promise.all([deps.store.topics.opinionsBy(personId), deps.store.votes.castBy(personId)]);
  const topicIds = [...new Set([...opinions.map((o) => o.topicId), ...votes.map((v) => v.topicId)])].slice(0, 2 * OWN_DATA_MAX_ITEMS);
  const topics = new Map((await Promise.all(topicIds.map((id) => deps.store.topics.get(id)))).filter((t) => t !== null).map((t) => [t!.id, t!]));
  const items: OwnDeliberation[] = [
    ...opinions.map((o) => ({ what: 'opinion' as const, topicId: o.topicId, topicTitle: topics.get(o.topicId)?.title ?? null, text: o.text, hiddenReason: o.hidden?.reason ?? null, at: o.createdAt })),
    ...votes.map((v) => {
      const t = topics.get(v.topicId);
      return { what: 'vote' as const, topicId: v.topicId, topicTitle: t?.title ?? null, text: t?.options.find((o) => o.id === v.optionId)?.label ?? v.optionId, hiddenReason: null, at: v.at };
    }),
  ];
  return items.sort((a, b) => b.at - a.at);
}
