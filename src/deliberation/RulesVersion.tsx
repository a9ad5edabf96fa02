/**
 * A version of a compound's 公约: which version, when it was adopted and by whom, what changed, the topic
 * whose decision adopted it (a link, when the reader may open topics), and its whole text — at once for
 * the current one, on a tap for the versions before it.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CompoundRulesVersionView } from '../core/api';
import { formatDay } from '../utils/time';

interface Props {
  version: CompoundRulesVersionView;
  current?: boolean;
  onTopic?: ((id: string) => void) | null;
}

export function RulesVersion({ version: v, current = false, onTopic }: Props) {
  const [shown, setShown] = useState(current);
  const topic = v.topic;
  return (
    <View className='dversion'>
      <View className='dversion__head' role={current ? undefined : 'button'} hoverClass={current ? 'none' : 'dversion__head--pressed'} onClick={current ? undefined : () => setShown(!shown)}>
        <Text className='dversion__name'>{`第 ${v.version} 版${current ? '（现行）' : ''}`}</Text>
        {!current && <Text className='dversion__toggle'>{shown ? '收起' : '看全文'}</Text>}
      </View>
      <Text className='dlb__hint'>{`${formatDay(v.adoptedAt)}通过${v.adoptedBy ? `，${v.adoptedBy}录入` : ''}`}</Text>
      {v.note && <Text className='dlb__say'>{`修改说明：${v.note}`}</Text>}
      {topic &&
        (onTopic ? (
          <View className='dversion__topic' role='link' hoverClass='dlb__link--pressed' onClick={() => onTopic(topic.id)}>
            <Text>{`由议题“${topic.title}”决定 ›`}</Text>
          </View>
        ) : (
          <Text className='dlb__say'>{`由议题“${topic.title}”决定`}</Text>
        ))}
      {shown && <Text className='dtext dversion__text'>{v.text}</Text>}
    </View>
  );
}
