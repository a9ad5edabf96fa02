/**
 * Outside a group, 绑定楼栋群 is three steps in large type and the button that sends this page into
 * the building's group as a card (WeChat's share sheet; the page answers what the card carries).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nut';

export const STEPS = ['点下面的按钮，把卡片发到本楼的微信群', '在群里点开这张卡片', '点“绑定本群”'];

export function ShareSteps({ buildingName, primary = true }: { buildingName: string; primary?: boolean }) {
  return (
    <>
      <View className='card grp__steps'>
        <Text className='grp__text'>{`把${buildingName}的微信群绑定到近邻，只要三步：`}</Text>
        {STEPS.map((text, i) => (
          <View key={text} className='grp__step'>
            <Text className='grp__step-no'>{i + 1}</Text>
            <Text className='grp__step-text'>{text}</Text>
          </View>
        ))}
      </View>
      <Button className={`grp__action${primary ? '' : ' grp__action--plain'}`} type={primary ? 'primary' : 'default'} size='large' block openType='share'>
        发送卡片到楼栋群
      </Button>
    </>
  );
}
