import { App } from 'antd';
import { api } from '../../api';
import type { PersonView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';

interface Props {
  person: PersonView;
  onUnbound(p: PersonView): void;
  onClose(): void;
}

/** Why staff unbind, most often: to start from. */
const COMMON = ['换了手机号', '手机给了别人', '绑错了人'];

/**
 * 解绑微信: the WeChat user is no longer this person (a phone changed hands). Their reports and
 * records stay theirs; whoever holds the phone now is a stranger to the app. Audited with the reason.
 */
export function UnbindWechat({ person, onUnbound, onClose }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();

  return (
    <ReasonModal
      title={`解绑${person.name}的微信`}
      okText="解绑"
      name="unbindWechat"
      width={540}
      context={[person.name, person.phone].filter(Boolean).join(' · ')}
      notice={{
        type: 'warning',
        text: `解绑后，这个微信打开近邻不再是${person.name}；${person.name}的反映和记录都保留。本人换了手机后，扫楼栋码或个人码重新登记即可。`,
      }}
      label="解绑原因"
      required="请写明解绑原因"
      placeholder="如：换了手机号、手机给了别人"
      rows={2}
      common={COMMON}
      onSubmit={async (v) => {
        const after = await api.people.unbindWechat({ personId: person.id, reason: v.reason });
        message.success(`已解绑${person.name}的微信`);
        onUnbound(after);
      }}
      onFailed={fail}
      onClose={onClose}
    />
  );
}
