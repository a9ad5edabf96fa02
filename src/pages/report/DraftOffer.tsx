/**
 * Reopening the form with a draft kept on the phone (services/report-draft.ts): what it holds, and
 * the choice 继续上次的草稿 / 放弃草稿. Nothing of the draft is lost until the person discards it.
 */
import { Text, View } from '@tarojs/components';
import type { Category } from '../../core/reports/categories';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import type { ReportDraft } from '../../services/report-draft';
import { formatWhen } from '../../utils/time';

interface Props {
  draft: ReportDraft;
  category: Category | null;
  onContinue: () => void;
  onDiscard: () => void;
}

const excerpt = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

export function DraftOffer({ draft, category, onContinue, onDiscard }: Props) {
  const text = draft.description.trim();
  return (
    <Screen className='report-new'>
      <Text className='report-new__title page-title'>您有一份没写完的反映</Text>
      <Text className='report-new__lead'>上次写到一半的内容还保存在手机上（{formatWhen(draft.savedAt)}）。</Text>
      {draft.problem && <Text className='message message--error'>上次没能提交：{draft.problem}</Text>}
      <View className='report-new__draft'>
        {category && (
          <Text className='report-new__draft-cat'>
            {category.icon} {category.name}
          </Text>
        )}
        {text ? <Text className='report-new__draft-text'>{excerpt(text)}</Text> : <Text className='muted'>还没有写内容</Text>}
        {draft.location.trim() && <Text className='muted'>位置：{draft.location.trim()}</Text>}
        {draft.photos.length > 0 && <Text className='muted'>照片 {draft.photos.length} 张</Text>}
      </View>
      <View className='actions'>
        <Button type='primary' size='large' block onClick={onContinue}>
          继续上次的草稿
        </Button>
      </View>
      <Text className='link' onClick={onDiscard}>
        放弃草稿
      </Text>
    </Screen>
  );
}
