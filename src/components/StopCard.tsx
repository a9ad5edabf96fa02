/**
 * Why a way-in form cannot go on (the code is revoked or used up, the group gives no building, this is
 * home already…): a status in words with its ✕, what happened and what to do. The page adds the way on.
 */
import { Text, View } from '@tarojs/components';

export function StopCard({ status, title, message }: { status: string; title: string; message: string }) {
  return (
    <View className='card'>
      <Text className='reg-status reg-status--stopped'>{`✕ ${status}`}</Text>
      <Text className='join__title page-title'>{title}</Text>
      <Text className='join__lead'>{message}</Text>
    </View>
  );
}
