/**
 * The check-in form's screens, one task each: the name; the member type (and the 退役军人 tag); the
 * branch holding their party relationship; the work unit; skills; the services offered and when they
 * are free; their household if they live here; the phone. Each says what it is for.
 */
import { Text } from '@tarojs/components';
import { FREE_TIMES, MEMBER_SERVICES, MEMBER_SKILLS, MEMBER_TYPE_LABEL, type MemberType } from '../../core/checkins';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import { PhoneStep as SharedPhoneStep, StepTitle as Title, type PhoneEvent, type StepProps as FormStepProps } from '../../components/FormSteps';
import { ENTRANCE_MAX, NAME_MAX, ROOM_MAX } from '../../register/join/form';
import { Picks } from './Picks';
import { TEXT_MAX, type CheckinForm } from './form';

export type StepProps = FormStepProps<CheckinForm>;

export function NameStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='请填写真实姓名，党支部书记会据此核对。'>您叫什么名字？</Title>
      <BigInput label='姓名' value={form.name} onChange={(v) => set('name', v)} error={problems.name} placeholder='例如：张秀英' maxLength={NAME_MAX} />
    </>
  );
}

const TYPE_HINT: Record<MemberType, string> = {
  in_service: '在单位上班',
  retired: '已经退休',
  mobile: '外出务工经商',
  direct: '关系在社区',
};

export function TypeStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='直管党员的组织关系就在社区，请扫社区的报到码。'>您是哪一类党员？</Title>
      <Choices
        options={(Object.keys(MEMBER_TYPE_LABEL) as MemberType[]).map((t) => ({ value: t, label: MEMBER_TYPE_LABEL[t], hint: TYPE_HINT[t] }))}
        value={form.memberType}
        onChange={(v) => set('memberType', v)}
        columns={2}
        error={problems.memberType}
      />
      <Choices
        label='您是退役军人吗？'
        options={[
          { value: 'yes', label: '是退役军人' },
          { value: 'no', label: '不是' },
        ]}
        value={form.veteran ? 'yes' : 'no'}
        onChange={(v) => set('veteran', v === 'yes')}
        columns={2}
      />
    </>
  );
}

export function BranchStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='就是您的党组织关系现在所在的党支部，转接时写在介绍信上的那个。'>您的组织关系在哪个党支部？</Title>
      <BigInput label='党支部名称' value={form.branchName} onChange={(v) => set('branchName', v)} error={problems.branchName} placeholder='例如：市第一人民医院第三党支部' maxLength={TEXT_MAX} />
      <BigInput label='党支部所在地' optional value={form.branchPlace} onChange={(v) => set('branchPlace', v)} error={problems.branchPlace} placeholder='例如：郑州市金水区' maxLength={TEXT_MAX} />
    </>
  );
}

export function WorkStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='在职党员填现在的单位；退休了的可以填原单位，也可以不填。'>您在哪里工作？</Title>
      <BigInput label='工作单位' optional value={form.workUnit} onChange={(v) => set('workUnit', v)} error={problems.workUnit} placeholder='例如：金水区实验小学' maxLength={TEXT_MAX} />
    </>
  );
}

export function SkillsStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='社区按特长请您帮忙，可以多选，也可以不选。'>您有什么特长？</Title>
      <Picks label='点一下选上，再点一下取消' options={MEMBER_SKILLS} value={form.skills} onChange={(v) => set('skills', v)} />
      <BigInput label='其他特长' optional hint='几项之间用逗号隔开' value={form.skillsTyped} onChange={(v) => set('skillsTyped', v)} error={problems.skillsTyped} placeholder='例如：理发，烹饪' maxLength={200} />
    </>
  );
}

export function ServicesStep({ form, set, problems }: StepProps) {
  return (
    <>
      <Title lead='社区安排服务时会参考，可以多选。'>您愿意做哪些服务？什么时候有空？</Title>
      <Picks label='愿意做的服务' options={MEMBER_SERVICES} value={form.services} onChange={(v) => set('services', v)} />
      <BigInput label='其他服务' optional hint='几项之间用逗号隔开' value={form.servicesTyped} onChange={(v) => set('servicesTyped', v)} error={problems.servicesTyped} placeholder='例如：陪老人看病' maxLength={200} />
      <Picks label='有空的时间' options={FREE_TIMES} value={form.freeTime} onChange={(v) => set('freeTime', v)} />
      {problems.freeTime && <Text className='big-field__error'>{problems.freeTime}</Text>}
    </>
  );
}

/** A building of the member's own under the check-in's unit (from their resident bindings). */
export interface HomeBuilding {
  id: string;
  name: string;
}

export function HomeStep({ form, set, problems, buildings, unitName }: StepProps & { buildings: HomeBuilding[]; unitName: string }) {
  if (buildings.length === 0) {
    return (
      <>
        <Title lead={`住在${unitName}的，以后扫楼栋码登记入住就行，报到这一步不用填住址。`}>您住在这里吗？</Title>
        <Text className='join__lead'>不住在这里也可以在这里报到。请点“下一步”。</Text>
      </>
    );
  }
  return (
    <>
      <Title lead='住在这里的，方便安排您联系身边的住户。不住这里就选“不住在这里”。'>您住在这里吗？</Title>
      <Choices
        options={[...buildings.map((b) => ({ value: b.id, label: `住在 ${b.name}` })), { value: '', label: '不住在这里' }]}
        value={form.buildingId ?? ''}
        onChange={(v) => set('buildingId', v || null)}
        error={problems.buildingId}
      />
      {form.buildingId && (
        <>
          <BigInput label='单元' optional value={form.entrance} onChange={(v) => set('entrance', v)} error={problems.entrance} placeholder='例如：2' maxLength={ENTRANCE_MAX} />
          <BigInput label='楼层' optional type='number' value={form.floor} onChange={(v) => set('floor', v)} error={problems.floor} placeholder='例如：5' maxLength={3} />
          <BigInput label='门牌号' value={form.room} onChange={(v) => set('room', v)} error={problems.room} placeholder='例如：502' maxLength={ROOM_MAX} />
        </>
      )}
    </>
  );
}

export const TYPED_PHONE_NOTE = '自己填写的手机号，要由党支部书记核对后才能通过。';

export function PhoneStep({
  form,
  set,
  problems,
  ...rest
}: StepProps & { typing: boolean; note: string | null; onWechatPhone: (e: PhoneEvent) => void; onType: () => void }) {
  return (
    <SharedPhoneStep
      words={{
        wechatLead: '党支部书记用它联系您。用微信绑定的手机号最省事，不用再等书记核对号码。',
        wechatButton: '用微信手机号报到',
        typedNote: TYPED_PHONE_NOTE,
      }}
      phone={form.phone}
      onPhone={(v) => set('phone', v)}
      error={problems.phone}
      {...rest}
    />
  );
}
