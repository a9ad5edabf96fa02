/**
 * 退回心愿, a screen of its own: giving a claimed wish back puts it in 微心愿 again for someone else to
 * claim. The reason may be left out; a few common ones fill the box with one tap.
 */
import { Text, View } from '@tarojs/components';
import { TextBox } from '../../components/Field';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';

export const GIVE_BACK_REASON_MAX = 100;
const COMMON = ['这几天有事，来不及了', '联系不上心愿人', '这个心愿我办不到'];

interface Props {
  what: string;
  reason: string;
  onReason: (v: string) => void;
  error: string | null;
  reasonError: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function GiveBackScreen({ what, reason, onReason, error, reasonError, busy, onConfirm, onCancel }: Props) {
  return (
    <Screen className='wishes'>
      <Text className='wishes__title page-title'>退回心愿</Text>
      <Text className='wishes__lead'>{`“${what}”。退回后，心愿会重新公开，等别人认领。`}</Text>
      {error && <Text className='message message--error'>{error}</Text>}
      <View className='card'>
        <TextBox label='退回的原因' optional value={reason} onChange={onReason} maxLength={GIVE_BACK_REASON_MAX} placeholder='例如：这几天有事，来不及了' error={reasonError} />
        <Text className='wback__quick-label'>常用原因（点一下填入）</Text>
        <View className='wback__quick'>
          {COMMON.map((r) => (
            <View key={r} className='wback__quick-item' role='button' hoverClass='wback__quick-item--pressed' onClick={() => onReason(r)}>
              <Text>{r}</Text>
            </View>
          ))}
        </View>
      </View>
      <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在退回…' : '确定退回'}
      </Button>
      <View className='wishes__links'>
        <View className='wishes__link' role='link' hoverClass='wishes__link--pressed' onClick={() => !busy && onCancel()}>
          <Text>‹ 不退回了</Text>
        </View>
      </View>
    </Screen>
  );
}
