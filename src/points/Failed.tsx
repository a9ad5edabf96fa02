/**
 * A points page that could not load: the server's words (an offline phone, a slow network, a refusal:
 * services/transport-failures.ts words them) and one way on — sign in, for a browser that neither signed
 * in nor stands in for WeChat; else try again.
 */
import { Text } from '@tarojs/components';
import { Button } from '../components/nut';
import { Screen } from '../components/Screen';
import { usesPasswordSignIn } from '../services/api';
import { goToLogin } from '../utils/nav';

export function Failed({ code, message, onRetry }: { code: string; message: string; onRetry: () => void }) {
  const nobody = code === 'AUTH.REQUIRED' && usesPasswordSignIn();
  return (
    <Screen className='points'>
      <Text className='message message--error'>{message}</Text>
      <Button type='primary' size='large' block onClick={() => (nobody ? goToLogin() : onRetry())}>
        {nobody ? '去登录' : '重新加载'}
      </Button>
    </Screen>
  );
}
