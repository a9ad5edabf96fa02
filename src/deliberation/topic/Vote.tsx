/**
 * 投票 on a topic: how many households voted of how many, the household's own vote (which, who of
 * them, when), and — while the vote is open to the household (the server's `can.vote`) — the options
 * as big buttons, the household's choice filled and ticked; a tap asks before it votes or changes the
 * vote (the page's confirm). Once the vote closes, each option's count; while it runs, only that counts
 * come at the close. Why the reader cannot vote is said in the server's words.
 */
import { Text, View } from '@tarojs/components';
import type { TopicView } from '../../core/api';
import { Results } from '../Results';
import { myVoteLine, turnoutLine } from '../words';

interface Props {
  topic: TopicView;
  busy: boolean;
  onPick: (optionId: string) => void;
}

export function Vote({ topic: t, busy, onPick }: Props) {
  const mine = myVoteLine(t);
  const counted = t.options.every((o) => o.count !== null);
  const adopted = t.decision?.option ?? null;
  return (
    <View className='card'>
      <Text className='section-title'>{t.phase === 'voting' ? '🗳 投票（每户一票）' : '投票结果'}</Text>
      <Text className='dturnout'>{turnoutLine(t.turnout)}</Text>
      {mine && <Text className='dmine'>{`✓ ${mine}`}</Text>}
      {t.can.vote ? (
        <>
          <Text className='dlb__hint'>{t.myVote ? '想改票，点另一项；投票截止前可以改，以最后一次为准。' : '点一项投票。一户只算一票，截止前可以改。'}</Text>
          <View className='doptions' role='radiogroup' aria-label='选项'>
            {t.options.map((o) => {
              const on = t.myVote?.optionId === o.id;
              return (
                <View
                  key={o.id}
                  className={`doption${on ? ' doption--on' : ''}`}
                  role='radio'
                  aria-checked={on}
                  aria-label={o.label}
                  hoverClass='doption--pressed'
                  onClick={() => !busy && onPick(o.id)}
                >
                  <Text className='doption__mark'>{on ? '✓' : '○'}</Text>
                  <Text className='doption__label'>{o.label}</Text>
                </View>
              );
            })}
          </View>
        </>
      ) : (
        t.voteClosedReason && <Text className='dlb__hint'>{t.voteClosedReason}</Text>
      )}
      {counted ? (
        <>
          <Text className='dlb__section'>各项票数</Text>
          <Results options={t.options.map((o) => ({ id: o.id, label: o.label, count: o.count ?? 0, percent: o.percent ?? 0 }))} adopted={adopted} />
        </>
      ) : (
        !t.can.vote && (
          <View className='doptions'>
            {t.options.map((o) => (
              <Text key={o.id} className='dlb__say'>{`· ${o.label}`}</Text>
            ))}
          </View>
        )
      )}
      {!counted && <Text className='dlb__hint'>投票结束后公布各项票数。谁投了什么不公开。</Text>}
    </View>
  );
}
