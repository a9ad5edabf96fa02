/**
 * 怎么联系: what the claimer (and staff) read once a wish is claimed — the lead named on the wish with
 * their phone, the wisher's own phone when they allowed it, and the door to bring the wish to. Each
 * phone is a button that calls it.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { WishContact } from '../../core/api';

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);

function Phone({ who, phone }: { who: string; phone: string }) {
  return (
    <View className='wcontact__call' role='button' aria-label={`打电话给${who}`} hoverClass='wcontact__call--pressed' onClick={() => call(phone)}>
      <Text>{`📞 ${phone}`}</Text>
    </View>
  );
}

export function Contact({ contact }: { contact: WishContact }) {
  return (
    <View className='card wcontact'>
      <Text className='section-title'>怎么联系</Text>
      <Text className='wcontact__say'>认领后请尽快联系，约好时间再上门。</Text>
      {contact.lead && (
        <View className='wcontact__row'>
          <Text className='wcontact__label'>{`${contact.lead.roleLabel}：${contact.lead.name}`}</Text>
          {contact.lead.phone ? <Phone who={contact.lead.name} phone={contact.lead.phone} /> : <Text className='wcontact__none'>没有留电话</Text>}
        </View>
      )}
      <View className='wcontact__row'>
        <Text className='wcontact__label'>心愿人的电话</Text>
        {contact.phone ? <Phone who='心愿人' phone={contact.phone} /> : <Text className='wcontact__none'>没有公开，请通过上面的联系人联系</Text>}
      </View>
      <View className='wcontact__row'>
        <Text className='wcontact__label'>门牌</Text>
        <Text className='wcontact__place'>{contact.place}</Text>
      </View>
    </View>
  );
}
