/**
 * A filing that waits for the network (services/filing-queue.ts): said plainly, with what it holds,
 * that it goes by itself when the network returns, and a way to try now or to change it.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import { queuedTitle, type QueuedFiling as Queued } from '../../services/filing-queue';

interface Props {
  queued: Queued;
  categoryName: string | null;
  busy: boolean;
  onRetry: () => void;
  onEdit: () => void;
}

export function QueuedFiling({ queued, categoryName, busy, onRetry, onEdit }: Props) {
  return (
    <Screen className='report-new'>
      <Text className='report-new__title page-title'>{queuedTitle(queued)}</Text>
      {queued.failure && <Text className='muted report-new__followers'>{queued.failure.message}</Text>}
      <Text className='report-new__lead'>
        您的反映已经保存在手机上，之后会自动提交，只会提交一次，不会重复。可以先离开这个页面；如果关掉了小程序，下次打开“我要反映”时会再提交。
      </Text>
      <View className='report-new__draft'>
        {categoryName && <Text className='report-new__draft-cat'>{categoryName}</Text>}
        <Text className='report-new__draft-text'>{queued.input.description}</Text>
        {queued.input.photos?.length ? <Text className='muted'>照片 {queued.input.photos.length} 张</Text> : null}
      </View>
      <View className='actions'>
        <Button type='primary' size='large' block disabled={busy} onClick={onRetry}>
          {busy ? '正在提交…' : '现在重试'}
        </Button>
      </View>
      <Text className='link' onClick={onEdit}>
        先不提交，返回修改
      </Text>
    </Screen>
  );
}
