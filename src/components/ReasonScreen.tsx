/**
 * Turning an applicant away (不通过, 退回), a screen of its own: the reason is required, since the
 * applicant reads it and may try again; a few common reasons fill the box with one tap.
 */
import { Text, View } from '@tarojs/components';
import { Button } from './nut';
import { TextBox } from './Field';
import { Screen } from './Screen';
import './applicant.scss';

export const REASON_MAX = 100;

/** The reason as the functions accept it: `what` names it ("不通过", "退回"). */
export function checkReasonOf(reason: string, what: string): string | null {
  const r = reason.trim();
  if (!r) return `请写明${what}的原因，申请人会看到`;
  if (r.length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`;
  return null;
}

export function ReasonScreen({
  className,
  title,
  trail,
  label,
  placeholder,
  common,
  confirm,
  reason,
  onReason,
  error,
  busy,
  onConfirm,
  onCancel,
}: {
  className: string;
  title: string;
  trail: string;
  label: string;
  placeholder: string;
  common: readonly string[];
  /** The confirm button's words ("确认不通过"). */
  confirm: string;
  reason: string;
  onReason: (reason: string) => void;
  error: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Screen className={className}>
      <Text className='queue__title page-title'>{title}</Text>
      <Text className='queue__lead trail'>{trail}</Text>
      <View className='card'>
        <TextBox label={label} hint='申请人会看到这句话，请写清楚怎样才能通过' value={reason} onChange={onReason} placeholder={placeholder} maxLength={REASON_MAX} error={error} />
        <Text className='reason-screen__quick-label'>常用原因（点一下填入）</Text>
        <View className='reason-screen__quick'>
          {common.map((r) => (
            <Text key={r} className='reason-screen__quick-item' onClick={() => onReason(r)}>
              {r}
            </Text>
          ))}
        </View>
      </View>
      <Button className='block-button reason-screen__confirm' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在提交…' : confirm}
      </Button>
      <Button className='block-button' size='large' block disabled={busy} onClick={onCancel}>
        返回
      </Button>
    </Screen>
  );
}
