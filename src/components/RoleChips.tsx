/**
 * What a person is (楼栋长, 居民, …): words on a tint. Not a button and not tappable (NutUI's Tag reacts
 * to taps: a 56×31 target that did nothing).
 */
import { Text, View } from '@tarojs/components';

export function RoleChips({ roles }: { roles: string[] }) {
  return (
    <View className='chips' aria-label='我的身份'>
      {roles.map((label) => (
        <Text key={label} className='role-chip'>
          {label}
        </Text>
      ))}
    </View>
  );
}
