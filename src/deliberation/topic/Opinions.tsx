/**
 * 大家的意见: each opinion with its author half hidden ("张*华 · 3号楼") and its day; the reader's own
 * hidden opinion with the reason staff gave (others never see it); and, while the topic takes opinions
 * (the server's `can.say`), a box to leave one — the page's main button unless the vote is open, when
 * voting is.
 */
import { Text, View } from '@tarojs/components';
import type { OpinionView } from '../../core/api';
import { OPINION_MAX } from '../../core/deliberation';
import { TextBox } from '../../components/Field';
import { Button } from '../../components/nut';
import { formatDay } from '../../utils/time';

interface Props {
  opinions: OpinionView[];
  canSay: boolean;
  /** The vote is the page's main action now: the opinion's button is a plain one. */
  secondary: boolean;
  text: string;
  onText: (v: string) => void;
  error: string | null;
  busy: boolean;
  onSay: () => void;
}

function Opinion({ o }: { o: OpinionView }) {
  return (
    <View className='dopinion'>
      <Text className='dopinion__who'>{`${o.author} · ${formatDay(o.createdAt)}`}</Text>
      <Text className='dtext'>{o.text}</Text>
      {o.hidden && <Text className='dopinion__hidden'>{o.mine ? `这条意见已被隐藏，别人看不到。原因：${o.hidden.reason}` : `已隐藏：${o.hidden.reason}`}</Text>}
    </View>
  );
}

export function Opinions({ opinions, canSay, secondary, text, onText, error, busy, onSay }: Props) {
  return (
    <>
      <Text className='dlb__section'>{opinions.length > 0 ? `大家的意见（${opinions.length}）` : '大家的意见'}</Text>
      <View className='card'>
        {opinions.length === 0 ? <Text className='dlb__say'>还没有人留意见。</Text> : opinions.map((o) => <Opinion key={o.id} o={o} />)}
      </View>
      {canSay && (
        <View className='card'>
          <TextBox label='说说您的意见' value={text} onChange={onText} maxLength={OPINION_MAX} placeholder='例如：同意装，希望费用按楼层分摊' hint='大家都能看到，显示时姓名只露一半。' error={error} />
          <Button className='dlb__action' type={secondary ? 'default' : 'primary'} size='large' block disabled={busy} onClick={onSay}>
            {busy ? '正在提交…' : '提交意见'}
          </Button>
        </View>
      )}
    </>
  );
}
