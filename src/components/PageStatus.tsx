import { Text } from '@tarojs/components';
import { Button } from './nut';
import { Screen } from './Screen';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <Screen>
      <Text className='loading'>{text}</Text>
    </Screen>
  );
}

/** A page that could not load: the server's message and one way forward. */
export function Failed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Screen>
      <Text className='message message--error'>{message}</Text>
      <Button type='primary' size='large' block onClick={onRetry}>
        重新加载
      </Button>
    </Screen>
  );
}
