/**
 * WeChat's privacy consent (checked for every mini-program since 2023-10-17). Before a privacy-scoped
 * ability runs for the first time (getPhoneNumber, chooseMedia, …) WeChat holds it and asks the
 * mini-program, through wx.onNeedPrivacyAuthorization, to show its own popup; the ability goes on
 * only after the person taps a button with openType agreePrivacyAuthorization whose id is passed
 * back to resolve (WeChat checks that button was tapped). 不同意 fails the ability instead, and the
 * page offers its way round (typing the phone number).
 *
 * The listener is WeChat's one global hook, so it is registered once; each page that uses a
 * privacy-scoped ability mounts this popup, and the page mounted last (the one on top) shows it.
 * Only in the mini-program: the browser build has no such check.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from './nut';
import './privacy.scss';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

/** The agree button's id, as WeChat is told it. */
export const AGREE_PRIVACY_ID = 'agree-privacy';

/** Popups of the mounted pages, the one on top last. */
const popups: Array<(resolve: Resolve) => void> = [];
let listening = false;

function listen(): void {
  if (listening || Taro.getEnv() !== Taro.ENV_TYPE.WEAPP || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const show = popups[popups.length - 1];
    // No page of ours can ask: the ability fails as if refused, and its page says what to do.
    if (show) show(resolve);
    else resolve({ event: 'disagree' });
  });
}

/**
 * `purpose`: why the page asks ("为了用微信绑定的手机号登记"); `otherwise`: what 不同意 leaves the
 * person ("不同意也可以，自己填写手机号即可").
 */
export function PrivacyConsent({ purpose, otherwise }: { purpose: string; otherwise?: string }) {
  const [pending, setPending] = useState<Resolve | null>(null);

  useEffect(() => {
    const show = (resolve: Resolve) => {
      resolve({ event: 'exposureAuthorization' });
      setPending(() => resolve);
    };
    popups.push(show);
    listen();
    return () => {
      const i = popups.lastIndexOf(show);
      if (i >= 0) popups.splice(i, 1);
    };
  }, []);

  if (!pending) return null;

  const answer = (agreed: boolean) => {
    pending(agreed ? { event: 'agree', buttonId: AGREE_PRIVACY_ID } : { event: 'disagree' });
    setPending(null);
  };

  return (
    <View className='privacy' catchMove>
      <View className='privacy__sheet' role='dialog' aria-label='用户隐私保护提示'>
        <Text className='privacy__title'>用户隐私保护提示</Text>
        <Text className='privacy__text'>{`${purpose}，近邻需要您同意《近邻隐私保护指引》。${otherwise ?? ''}`}</Text>
        <Text className='privacy__link' onClick={() => void Taro.openPrivacyContract({})}>
          阅读《近邻隐私保护指引》
        </Text>
        <Button
          id={AGREE_PRIVACY_ID}
          className='privacy__agree'
          type='primary'
          size='large'
          block
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answer(true)}
        >
          同意
        </Button>
        <Button className='privacy__disagree' size='large' block onClick={() => answer(false)}>
          不同意
        </Button>
      </View>
    </View>
  );
}
