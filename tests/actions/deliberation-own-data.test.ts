/**
 * 议事 in a person's own data (我的信息): the opinions they left (with the reason when hidden) and the
 * household votes they cast last. Leaving (注销) removes their opinions' text and keeps their
 * household's vote counted, no longer naming them: the rest of the household sees it was cast by a
 * family member who left. Sending the token again changes nothing more.
 */
import type { LeaveConfirmation, Left, OwnData } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { LEFT_OPINION_TEXT } from '../../cloudfunctions/lib/actions/own-data/leave-deliberation';
import { data } from '../support/harness';
import { DOOR, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());

const ask = async (cred: Credentials) => data(await k.h.call<LeaveConfirmation>('people', 'askToLeave', {}, cred)).token;
const leave = async (cred: Credentials, token: string) => data(await k.h.call<Left>('people', 'leave', { token }, cred));

it('shows the person’s opinions and votes, and on leaving scrubs the opinions and keeps the household’s vote', async () => {
  const me = await k.personAt('resident', k.building, '孙要走', DOOR);
  const t = await k.opened(k.topic({ title: '小区门口要不要设临时摊位' }));
  data(await k.vote(t.id, 'b', me));
  data(await k.say(t.id, '设摊位会堵门，不同意', me));
  const hiddenOne = data(await k.say(t.id, '楼下那家天天占道', me)).topic.opinionsList.find((o) => o.text === '楼下那家天天占道')!;
  data(await k.call('hide', { opinionId: hiddenOne.id, reason: '针对具体邻居' }, k.staff));

  const own = data(await k.h.call<OwnData>('people', 'ownData', {}, me.cred));
  expect(own.deliberation).toMatchObject({ kind: 'deliberation', label: '议事', truncated: false });
  expect(own.deliberation.items.map((i) => [i.what, i.topicTitle, i.text, i.hiddenReason])).toEqual(
    expect.arrayContaining([
      ['opinion', '小区门口要不要设临时摊位', '设摊位会堵门，不同意', null],
      ['opinion', '小区门口要不要设临时摊位', '楼下那家天天占道', '针对具体邻居'],
      ['vote', '小区门口要不要设临时摊位', '地下车库入口旁', null],
    ]),
  );
  expect(own.deliberation.items).toHaveLength(3);

  const token = await ask(me.cred);
  expect(await leave(me.cred, token)).toMatchObject({ opinionsScrubbed: 2, votesReassigned: 1 });

  // The household's vote still counts; the wife reads it as cast by a family member who left.
  expect(await k.h.store.votes.tally(t.id)).toEqual({ counts: { b: 1 }, voted: 1 });
  expect(data(await k.detail(t.id, k.wife)).myVote).toMatchObject({ optionId: 'b', by: '已注销的家人' });
  expect(await k.h.store.votes.castBy(me.id)).toEqual([]);
  const opinions = await k.h.store.topics.opinions(t.id);
  expect(opinions.filter((o) => o.personId === me.id).map((o) => o.text)).toEqual([LEFT_OPINION_TEXT, LEFT_OPINION_TEXT]);
  expect(JSON.stringify(data(await k.detail(t.id, k.staff)))).not.toContain('堵门');
});
