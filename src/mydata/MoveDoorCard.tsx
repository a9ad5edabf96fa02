/**
 * 改门牌 on 更正我的信息: a resident who moved (or whose door was written wrong) asks for the new
 * door, in their building or another of their compound. It goes to that building's lead like a
 * registration; until it is decided the card says it is waiting, and a second cannot be asked.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MoveChoices } from '../core/outputs/registration';
import { BigInput } from '../components/BigInput';
import { Choices } from '../components/Choices';
import { Button } from '../components/nut';
import { isSessionLost } from '../services/api';
import { askToMove, moveChoices } from '../services/own-data';
import { formatDateTime } from '../core/time';
import { goToLogin } from '../utils/nav';

type Field = 'fromBuildingId' | 'buildingId' | 'entrance' | 'floor' | 'room';
type Problem = { field: Field | null; text: string } | null;

/** Which form field a server refusal belongs to ("door.room" → room). */
const fieldOf = (f: string | undefined): Field | null => {
  const last = f?.split('.').pop();
  return last === 'fromBuildingId' || last === 'buildingId' || last === 'entrance' || last === 'floor' || last === 'room' ? last : last === 'door' ? 'room' : null;
};

export function MoveDoorCard() {
  const [choices, setChoices] = useState<MoveChoices | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [door, setDoor] = useState({ entrance: '', floor: '', room: '' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  const load = useCallback(async () => {
    const result = await moveChoices();
    if (result.ok) {
      setChoices(result.data);
      setFrom(result.data.homes[0]?.building.id ?? null);
      setTo(result.data.homes[0]?.building.id ?? null);
    } else if (isSessionLost(result)) goToLogin(result.message);
    else setFailed(result.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (failed) return <Text className='message message--error'>{failed}</Text>;
  if (!choices || choices.homes.length === 0) return null;

  const { pending } = choices;
  if (pending) {
    return (
      <View className='card mydata__section'>
        <Text className='section-title'>改门牌</Text>
        <Text className='mydata__line'>{`⏳ 等待审核：搬到 ${pending.trail} ${pending.doorLabel}`}</Text>
        <Text className='mydata__seen'>{`${formatDateTime(pending.createdAt)} 提交，楼栋长审核通过后，原来的住址就换成新的。`}</Text>
      </View>
    );
  }

  const onSend = async () => {
    if (busy || !to) return;
    const floor = door.floor.trim();
    if (!door.room.trim()) return setProblem({ field: 'room', text: '请填写门牌号，例如 502' });
    if (floor && !/^-?\d{1,3}$/.test(floor)) return setProblem({ field: 'floor', text: '楼层请填数字，例如 5' });
    setBusy(true);
    setProblem(null);
    const result = await askToMove({
      ...(choices.homes.length > 1 && from ? { fromBuildingId: from } : {}),
      buildingId: to,
      door: { entrance: door.entrance.trim(), floor: floor ? Number(floor) : null, room: door.room.trim() },
    });
    setBusy(false);
    if (result.ok) setChoices({ ...choices, pending: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setProblem({ field: fieldOf(result.field), text: result.message });
  };

  const on = (f: Field) => (problem?.field === f ? problem.text : undefined);
  const home = choices.homes.find((h) => h.building.id === from) ?? choices.homes[0];

  return (
    <View className='card mydata__section'>
      <Text className='section-title'>门牌</Text>
      {choices.homes.map((h) => (
        <Text key={h.building.id} className='mydata__line mydata__current'>{`现在登记的：${h.trail} ${h.doorLabel ?? '门牌未登记'}`}</Text>
      ))}
      {!open ? (
        <>
          <Text className='mydata__seen'>搬了家，或者门牌写错了，可以在这里申请改，由楼栋长审核。</Text>
          <Button className='block-button' size='large' block onClick={() => setOpen(true)}>
            改门牌
          </Button>
        </>
      ) : (
        <>
          {choices.homes.length > 1 && (
            <Choices label='要改哪一处住址' options={choices.homes.map((h) => ({ value: h.building.id, label: `${h.trail} ${h.doorLabel ?? ''}` }))} value={from} onChange={setFrom} error={on('fromBuildingId')} />
          )}
          <Choices
            label='搬到哪栋楼'
            options={choices.buildings.map((b) => ({ value: b.id, label: b.id === home.building.id ? `${b.name}（还是这栋楼）` : b.name }))}
            value={to}
            onChange={setTo}
            columns={2}
            error={on('buildingId')}
          />
          <BigInput label='单元' optional hint='楼里只有一个单元的，可以不填' value={door.entrance} onChange={(v) => setDoor((d) => ({ ...d, entrance: v }))} error={on('entrance')} placeholder='例如：2' maxLength={10} />
          <BigInput label='楼层' optional type='number' value={door.floor} onChange={(v) => setDoor((d) => ({ ...d, floor: v }))} error={on('floor')} placeholder='例如：5' maxLength={3} />
          <BigInput label='门牌号' value={door.room} onChange={(v) => setDoor((d) => ({ ...d, room: v }))} error={on('room')} placeholder='例如：502' maxLength={20} />
          {problem && problem.field === null && <Text className='message message--error'>{problem.text}</Text>}
          <Button className='block-button' type='primary' size='large' block disabled={busy} onClick={() => void onSend()}>
            {busy ? '正在提交…' : '提交给楼栋长审核'}
          </Button>
        </>
      )}
    </View>
  );
}
