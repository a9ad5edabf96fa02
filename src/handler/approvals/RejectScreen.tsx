/**
 * 不通过, a screen of its own: the reason is required, since the applicant reads it and may register
 * again; a few common reasons fill the box with one tap.
 */
import { Text, View } from '@tarojs/components';
import type { RegistrationQueueItem } from '../../core/api';
import { Button } from '../../components/nut';
import { TextBox } from '../../components/Field';
import { Screen } from '../../components/Screen';

export const REASON_MAX = 100;

const COMMON_REASONS = ['本楼没有这一户', '姓名和这一户的住户对不上', '电话打不通，请联系楼栋长', '请本人来登记'];

export function checkReason(reason: string): string | null {
  const r = reason.trim();
  if (!r) return '请写明不通过的原因，申请人会看到';
  if (r.length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`;
  return null;
}

export function RejectScreen({
  item,
  reason,
  onReason,
  error,
  busy,
  onConfirm,
  onCancel,
}: {
  item: RegistrationQueueItem;
  reason: string;
  onReason: (reason: string) => void;
  error: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Screen className='approvals'>
      <Text className='approvals__title page-title'>{`不通过：${item.name}`}</Text>
      <Text className='approvals__lead trail'>{`${item.trail} ${item.doorLabel}`}</Text>
      <View className='card'>
        <TextBox
          label='不通过的原因'
          hint='申请人会看到这句话，请写清楚怎样才能通过'
          value={reason}
          onChange={onReason}
          placeholder='例如：本楼没有 502 室，请核对门牌后重新登记'
          maxLength={REASON_MAX}
          error={error}
        />
        <Text className='approvals__quick-label'>常用原因（点一下填入）</Text>
        <View className='approvals__quick'>
          {COMMON_REASONS.map((r) => (
            <Text key={r} className='approvals__quick-item' onClick={() => onReason(r)}>
              {r}
            </Text>
          ))}
        </View>
      </View>
      <Button className='block-button approvals__confirm' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在提交…' : '确认不通过'}
      </Button>
      <Button className='block-button' size='large' block disabled={busy} onClick={onCancel}>
        返回
      </Button>
    </Screen>
  );
}
