import { Text, View } from '@tarojs/components';
import { Button } from './nut';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='page'>
      <Text className='loading'>{text}</Text>
    </View>
  );
}

/** A page that could not load: the server's message and one way forward. */
export function Failed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='page'>
      <Text className='message message--error'>{message}</Text>
      <Button type='primary' size='large' block onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}
