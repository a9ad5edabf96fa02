/**
 * The join form's screens, one task each: the name, the door (单元 / 楼层 / 门牌号), the phone and,
 * for a web account, the password. Each says what it is for; the page moves between them.
 */
import { Text, View } from '@tarojs/components';
import { BigInput } from '../../components/BigInput';
import { PhoneStep as SharedPhoneStep, StepTitle as Title, type PhoneEvent, type StepProps as FormStepProps } from '../../components/FormSteps';
import { ENTRANCE_MAX, NAME_MAX, PASSWORD_MAX, ROOM_MAX, type JoinForm, type JoinMode } from './form';

export type StepProps = FormStepProps<JoinForm>;

export function NameStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='请填写真实姓名，楼栋长会据此核对是不是本楼的住户。'>您叫什么名字？</Title>
      <BigInput label='姓名' value={form.name} onChange={(v) => set('name', v)} error={problems.name} placeholder='例如：张秀英' maxLength={NAME_MAX} />
    </>
  );
}

export function DoorStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='照门上写的填就行，例如 2 单元 5 楼 502 室。'>您住在哪一户？</Title>
      <BigInput
        label='单元'
        optional
        hint='楼里只有一个单元的，可以不填'
        value={form.entrance}
        onChange={(v) => set('entrance', v)}
        error={problems.entrance}
        placeholder='例如：2'
        maxLength={ENTRANCE_MAX}
      />
      <BigInput label='楼层' optional type='number' value={form.floor} onChange={(v) => set('floor', v)} error={problems.floor} placeholder='例如：5' maxLength={3} />
      <BigInput label='门牌号' value={form.room} onChange={(v) => set('room', v)} error={problems.room} placeholder='例如：502' maxLength={ROOM_MAX} />
    </>
  );
}

export type { PhoneEvent };

export const TYPED_PHONE_NOTE = '自己填写的手机号，要由楼栋长核对后才能通过。';

export function PhoneStep({
  form,
  set,
  problems,
  mode,
  ...rest
}: StepProps & {
  mode: JoinMode;
  typing: boolean;
  note: string | null;
  onWechatPhone: (e: PhoneEvent) => void;
  onType: () => void;
}) {
  return (
    <SharedPhoneStep
      words={{
        wechatLead: '楼栋长用它联系您。用微信绑定的手机号最省事，不用再等楼栋长核对号码。',
        wechatButton: '用微信手机号登记',
        typedLead: mode === 'web' ? '审核通过后，用这个手机号登录近邻。' : undefined,
        typedNote: TYPED_PHONE_NOTE,
      }}
      phone={form.phone}
      onPhone={(v) => set('phone', v)}
      error={problems.phone}
      {...rest}
    />
  );
}

export function PasswordStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead={`审核通过后，用手机号 ${form.phone.trim()} 和这个密码登录近邻。请记好，或写下来收好。`}>设置登录密码</Title>
      <BigInput label='密码' password value={form.password} onChange={(v) => set('password', v)} error={problems.password} placeholder='至少 8 位' maxLength={PASSWORD_MAX} />
      <BigInput label='再输一次密码' password value={form.password2} onChange={(v) => set('password2', v)} error={problems.password2} placeholder='和上面一样' maxLength={PASSWORD_MAX} />
    </>
  );
}

export interface WhereProps {
  trail: string;
  personName: string | null;
  personal: boolean;
  /** What the label says instead ("您在 3号楼 的群里", from a group). */
  label?: string;
}

/** Where the person is registering, on top of every screen. */
export function Where({ trail, personName, personal, label }: WhereProps) {
  return (
    <View className='join__where'>
      <Text className='join__where-label'>{label ?? (personal ? '用个人码登记到' : '登记入住')}</Text>
      <Text className='join__where-trail trail'>{trail}</Text>
      {personName && <Text className='join__where-person'>{`为 ${personName} 准备，只能本人使用`}</Text>}
    </View>
  );
}
