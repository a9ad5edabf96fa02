/**
 * 代许心愿: the household a lead posts for — the building (one of theirs) and the door, written as on
 * the door (单元 / 楼层 / 门牌号, as 登记入住 asks it), and a phone the claimer may call if allowed.
 * The door is never shown publicly: only the claimer reads it, to bring the wish.
 */
import { Text, View } from '@tarojs/components';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import type { BuildingChoice } from '../../utils/me';
import { ENTRANCE_MAX, ROOM_MAX, type Problems, type WishForm } from './form';

interface Props {
  form: WishForm;
  set: <K extends keyof WishForm>(field: K, value: WishForm[K]) => void;
  problems: Problems;
  buildings: BuildingChoice[];
}

export function Household({ form, set, problems, buildings }: Props) {
  return (
    <View className='card'>
      <Text className='section-title'>为哪一户代许</Text>
      {buildings.length === 1 ? (
        <Text className='wpost__building'>{buildings[0].label}</Text>
      ) : (
        <Choices
          label='哪栋楼'
          options={buildings.map((b) => ({ value: b.unitId, label: b.label }))}
          columns={2}
          value={form.buildingId}
          onChange={(v) => set('buildingId', v)}
          error={problems.buildingId}
        />
      )}
      <BigInput label='单元' optional hint='楼里只有一个单元的，可以不填' value={form.entrance} onChange={(v) => set('entrance', v)} error={problems.entrance} placeholder='例如：2' maxLength={ENTRANCE_MAX} />
      <BigInput label='楼层' optional type='number' value={form.floor} onChange={(v) => set('floor', v)} error={problems.floor} placeholder='例如：5' maxLength={3} />
      <BigInput label='门牌号' value={form.room} onChange={(v) => set('room', v)} error={problems.room} placeholder='例如：502' maxLength={ROOM_MAX} />
      <BigInput
        label='联系电话'
        optional
        hint='住户本人或家人的手机号；不填，认领人就通过您联系'
        type='number'
        value={form.phone}
        onChange={(v) => set('phone', v)}
        error={problems.phone}
        placeholder='11 位手机号'
        maxLength={11}
      />
    </View>
  );
}
