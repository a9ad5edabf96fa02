/**
 * What every approver's queue shows of an applicant (入住审核, 党员报到审核): labelled rows, the phone as a
 * button that calls it with whether WeChat verified it (a typed one is to be checked by calling), and
 * the two decisions side by side.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './nut';
import './applicant.scss';

export function ApplicantRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='applicant__row'>
      <Text className='applicant__label'>{label}</Text>
      <View className='applicant__value'>{children}</View>
    </View>
  );
}

export function ApplicantText({ children }: { children: string }) {
  return <Text className='applicant__text'>{children}</Text>;
}

/** 电话: the number to tap and call, and whether WeChat verified it. */
export function ApplicantPhone({ name, phone, verified }: { name: string; phone: string; verified: boolean }) {
  return (
    <ApplicantRow label='电话'>
      <View
        className='applicant__phone'
        role='button'
        aria-label={`打电话给 ${name}`}
        hoverClass='applicant__phone--pressed'
        onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
      >
        {/* A no-break space: the icon stays beside the number. */}
        <Text>{`📞\u00a0${phone}`}</Text>
      </View>
      <Text className={`applicant__verified applicant__verified--${verified ? 'yes' : 'no'}`}>{verified ? '✓ 微信验证过的号码' : '⚠ 自己填写的号码，请先打电话核对'}</Text>
    </ApplicantRow>
  );
}

/** The card's error, then 通过 and the other decision (不通过, 退回). */
export function Decisions({ error, busy, onApprove, onReject, rejectLabel }: { error: string | null; busy: boolean; onApprove: () => void; onReject: () => void; rejectLabel: string }) {
  return (
    <>
      {error && <Text className='message message--error applicant__error'>{error}</Text>}
      <View className='applicant__actions'>
        <Button className='applicant__approve' type='primary' size='large' disabled={busy} onClick={onApprove}>
          ✓ 通过
        </Button>
        <Button className='applicant__reject' size='large' disabled={busy} onClick={onReject}>
          {rejectLabel}
        </Button>
      </View>
    </>
  );
}
