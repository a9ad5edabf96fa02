/**
 * 小区议事: the topics (议题) of the reader's buildings, compound and community, open ones first — each
 * with its phase in words, the place, its days, how many households voted of how many, and whether the
 * reader's household did. A topic opens its page (the vote, opinions, the decision); 小区公约 opens the
 * compound's rules. Opened from home's tile; read again each time it shows, so a vote just cast shows.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Me, TopicCard as Card } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { whoAmI, type ClientFailure } from '../../services/api';
import { myTopics } from '../../services/deliberation';
import { open } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Failed } from '../Failed';
import { TopicCard } from '../TopicCard';
import { DELIBERATION_PAGES, rulesUrl, topicUrl } from '../urls';
import { compoundOf } from '../words';
import '../deliberation.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; code: ClientFailure['code']; message: string }
  | { status: 'ready'; topics: Card[]; total: number; compounds: { id: string; name: string }[]; canOpen: boolean };

/** The compounds the reader is bound in, each once, named from the binding's trail (street / community / compound / …): where their 公约 is. */
function compoundsOf(me: Me | null): { id: string; name: string }[] {
  const found = new Map<string, string>();
  for (const b of me?.bindings ?? []) {
    const id = compoundOf(b.unit);
    if (id && !found.has(id)) found.set(id, b.unit.id === id ? b.unit.name : (b.trail.split(' / ')[2] ?? '小区'));
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

export default function Deliberation() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [more, setMore] = useState(false);

  const load = useCallback(async () => {
    const [list, who] = await Promise.all([myTopics(), whoAmI()]);
    if (!list.ok) return setState({ status: 'failed', code: list.code, message: list.message });
    // The 公约 link is an extra: without an answer the topics still show.
    const me = who.ok && who.data.registered ? who.data : null;
    setState({ status: 'ready', topics: list.data.topics, total: list.data.total, compounds: compoundsOf(me), canOpen: list.data.canOpen });
  }, []);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const { topics, total, compounds } = state;
  const loadMore = async () => {
    if (more) return;
    setMore(true);
    const next = await myTopics(topics.length);
    setMore(false);
    if (next.ok) setState({ ...state, topics: [...topics, ...next.data.topics.filter((t) => !topics.some((x) => x.id === t.id))], total: next.data.total });
  };

  return (
    <Screen className='dlb'>
      <Text className='dlb__title page-title'>小区议事</Text>
      <Text className='dlb__lead'>大家的事大家商量：看看议题，说说您的意见。需要表决的，每户投一票，截止前可以改；投票结束后公布各项票数，不公开谁投了什么。</Text>
      {state.canOpen && (
        <Button className='dlb__action' type='primary' size='large' block onClick={() => open(DELIBERATION_PAGES.open)}>
          发起议题
        </Button>
      )}
      {compounds.length > 0 && (
        <View className='dlb__links'>
          {compounds.map((c) => (
            <View key={c.id} className='dlb__link' role='link' hoverClass='dlb__link--pressed' onClick={() => open(rulesUrl(c.id))}>
              <Text>{compounds.length > 1 ? `${c.name}公约 ›` : '小区公约 ›'}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className='dlb__section'>{total > 0 ? `议题（${total}）` : '议题'}</Text>
      {topics.length === 0 ? (
        <View className='card'>
          <Text className='dlb__say'>现在还没有议题。小区党支部、社区或楼栋长发起议题后，会出现在这里，也会发消息告诉您。</Text>
        </View>
      ) : (
        topics.map((t) => <TopicCard key={t.id} topic={t} onOpen={() => open(topicUrl(t.id))} />)
      )}
      {topics.length < total && (
        <Button className='dlb__action' size='large' block disabled={more} onClick={() => void loadMore()}>
          {more ? '正在加载…' : `再看 ${total - topics.length} 个议题`}
        </Button>
      )}
    </Screen>
  );
}
