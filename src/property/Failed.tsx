/**
 * A property page that could not load: the server's words (an offline phone, a refusal — not bound in
 * the compound, no resident's door) and one way on: sign in, for a browser that neither signed in nor
 * stands in for WeChat; a better way when the page knows one; else try again. A lost session is sent to sign in with its reason.
 */
import { useEffect } from 'react';
import { Text } from '@tarojs/components';
import { Button } from '../components/nut';
import { Screen } from '../components/Screen';
import { isSessionLost, usesPasswordSignIn, type ClientFailure } from '../services/api';
import { goToLogin } from '../utils/nav';

/** `instead`: a better way on than trying again, when the page knows one (a door to add on 我的信息). */
export function Failed({ code, message, onRetry, instead }: { code: ClientFailure['code']; message: string; onRetry: () => void; instead?: { words: string; onClick: () => void } | null }) {
  useEffect(() => {
    if (isSessionLost({ code })) goToLogin(message);
  }, [code, message]);
  const nobody = code === 'AUTH.REQUIRED' && usesPasswordSignIn();
  return (
    <Screen className='property'>
      <Text className='message message--error'>{message}</Text>
      {instead && !nobody ? (
        <Button type='primary' size='large' block onClick={instead.onClick}>
          {instead.words}
        </Button>
      ) : (
        <Button type='primary' size='large' block onClick={() => (nobody ? goToLogin() : onRetry())}>
          {nobody ? '去登录' : '重新加载'}
        </Button>
      )}
    </Screen>
  );
}
