/**
 * The pieces the way-in forms (登记入住, 党员报到) share, one task a screen: a screen's question with
 * what it is for, and the phone screen last — in WeChat its button is the submit (WeChat's number
 * needs no checking), with typing another number a tap away; typed, the number waits for whoever
 * checks it. Each form says who that is and what its button does.
 */
import { Text } from '@tarojs/components';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { Button } from './nut';
import { BigInput } from './BigInput';

/** What every screen of a form gets: the form, a way to set one field, each field's problem, whether it is sending. */
export interface StepProps<F> {
  form: F;
  set: <K extends keyof F>(field: K, value: F[K]) => void;
  problems: Partial<Record<keyof F, string>>;
  busy: boolean;
}

/** A screen's question, and what it is for. */
export function StepTitle({ children, lead }: { children: string; lead?: string }) {
  return (
    <>
      <Text className='join__title page-title'>{children}</Text>
      {lead && <Text className='join__lead'>{lead}</Text>}
    </>
  );
}

/** What WeChat's getPhoneNumber button hands back. */
export type PhoneEvent = BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>;

/** WeChat's getPhoneNumber quota is used up: no code, errno 1400001. */
export const PHONE_QUOTA_ERRNO = 1400001;

/** Why WeChat gave no phone code, as the page says it before the person types the number. */
export function phoneRefusalMessage(detail: { errMsg?: string; errno?: number }): string {
  if (detail.errno === PHONE_QUOTA_ERRNO) return '微信手机号今天取不到了，请直接填写手机号';
  if (/deny|cancel|privacy|auth/i.test(detail.errMsg ?? '')) return '没有使用微信手机号，请直接填写手机号';
  return '微信手机号暂时取不到，请直接填写手机号';
}

/** A form's words on the phone screen: who calls the number and checks a typed one. */
export interface PhoneWords {
  /** Above WeChat's button: who uses the number, and why WeChat's is quicker. */
  wechatLead: string;
  /** The button that gives WeChat's number and submits ("用微信手机号登记"). */
  wechatButton: string;
  /** Above a typed number (the web account's sign-in name). */
  typedLead?: string;
  /** Under a typed number: who checks it before approving. */
  typedNote: string;
}

export function PhoneStep({
  words,
  phone,
  onPhone,
  error,
  busy,
  typing,
  note,
  onWechatPhone,
  onType,
}: {
  words: PhoneWords;
  phone: string;
  onPhone: (value: string) => void;
  error?: string;
  busy: boolean;
  /** Typing the number (always, without WeChat; in WeChat when asked for or when WeChat gave none). */
  typing: boolean;
  /** Why the person is typing it (WeChat refused, ran out, …). */
  note: string | null;
  onWechatPhone: (e: PhoneEvent) => void;
  onType: () => void;
}) {
  if (!typing) {
    return (
      <>
        <StepTitle lead={words.wechatLead}>您的手机号</StepTitle>
        <Button className='join__action' type='primary' size='large' block disabled={busy} openType='getPhoneNumber' onGetPhoneNumber={onWechatPhone}>
          {busy ? '正在提交…' : words.wechatButton}
        </Button>
        <Button className='join__action join__action--plain' size='large' block disabled={busy} onClick={onType}>
          填写其他手机号
        </Button>
      </>
    );
  }
  return (
    <>
      <StepTitle lead={words.typedLead}>您的手机号</StepTitle>
      {note && <Text className='message message--info join__note'>{note}</Text>}
      <BigInput label='手机号' type='number' value={phone} onChange={onPhone} error={error} placeholder='11 位手机号' maxLength={11} />
      <Text className='join__typed'>{words.typedNote}</Text>
    </>
  );
}

/**
 * Under a screen: 下一步 (or the submit, on the last screen) — none where WeChat's phone button is the
 * submit — and ‹ 上一步 back from the second screen on.
 */
export function StepButtons({ index, last, busy, submit, hideNext, onNext, onBack }: { index: number; last: boolean; busy: boolean; submit: string; hideNext: boolean; onNext: () => void; onBack: () => void }) {
  return (
    <>
      {!hideNext && (
        <Button className='join__action' type='primary' size='large' block disabled={busy} onClick={onNext}>
          {last ? (busy ? '正在提交…' : submit) : '下一步'}
        </Button>
      )}
      {index > 0 && (
        <Text className='join__back' onClick={() => !busy && onBack()}>
          ‹ 上一步
        </Text>
      )}
    </>
  );
}
