/**
 * 不接受 or 取消 a project, a screen of its own: the reason is required (the community reads it); a few
 * common ones fill the box with one tap.
 */
import { Text, View } from '@tarojs/components';
import { TextBox } from '../../components/Field';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';

export const REASON_MAX = 100;

interface Props {
  title: string;
  lead: string;
  label: string;
  common: readonly string[];
  confirm: string;
  reason: string;
  onReason: (v: string) => void;
  error: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ReasonScreen({ title, lead, label, common, confirm, reason, onReason, error, busy, onConfirm, onCancel }: Props) {
  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>{title}</Text>
      <Text className='partners__lead'>{lead}</Text>
      <View className='card'>
        <TextBox label={label} hint='社区会看到这句话' value={reason} onChange={onReason} maxLength={REASON_MAX} placeholder={`例如：${common[0]}`} error={error} />
        <Text className='partners__meta'>常用原因（点一下填入）</Text>
        <View className='pquick'>
          {common.map((r) => (
            <View key={r} className='pquick__item' role='button' hoverClass='pquick__item--pressed' onClick={() => onReason(r)}>
              <Text>{r}</Text>
            </View>
          ))}
        </View>
      </View>
      <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在提交…' : confirm}
      </Button>
      <View className='partners__links'>
        <View className='partners__link' role='link' hoverClass='partners__link--pressed' onClick={() => !busy && onCancel()}>
          <Text>‹ 返回项目</Text>
        </View>
      </View>
    </Screen>
  );
}
