/**
 * 项目节点: each milestone with a mark and its day in words (✓ done, ○ to do, ! past its day — said in
 * words too), and, for an owner while the project is active, 完成 beside each one not done and 添加节点
 * below: a name and a day (WeChat's date picker), at most 12.
 */
import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { MilestoneView } from '../../core/api';
import { MILESTONES_MAX } from '../../core/partners';
import { BigInput } from '../../components/BigInput';
import { Button } from '../../components/nut';
import { formatDay } from '../../utils/time';
import { dayWords, milestoneDay, milestoneDays } from '../words';

export const MILESTONE_TITLE_MAX = 40;

interface Props {
  milestones: MilestoneView[];
  /** May add and mark done (an owner, the project active). */
  can: boolean;
  busy: boolean;
  onDone: (m: MilestoneView) => void;
  /** Adds one; resolves true when it was added (the form then empties). */
  onAdd: (title: string, dueOn: string) => Promise<boolean>;
}

function Row({ m, can, busy, onDone }: { m: MilestoneView; can: boolean; busy: boolean; onDone: () => void }) {
  const done = m.doneAt !== null;
  const state = done ? 'done' : m.late ? 'late' : 'todo';
  const when = done ? `${formatDay(m.doneAt!)}完成${m.doneBy ? ` · ${m.doneBy.name}` : ''}` : m.late ? `${milestoneDay(m)}，已过了日子` : milestoneDay(m);
  return (
    <View className={`pmile pmile--${state}`}>
      <View className='pmile__body'>
        <Text className='pmile__title'>
          <Text className='pmile__mark'>{done ? '✓' : m.late ? '!' : '○'}</Text>
          {m.title}
        </Text>
        <Text className='pmile__when'>{when}</Text>
      </View>
      {can && !done && (
        <View className='pmile__done' role='button' aria-label={`完成：${m.title}`} hoverClass='pmile__done--pressed' onClick={() => !busy && onDone()}>
          <Text>完成</Text>
        </View>
      )}
    </View>
  );
}

export function Milestones({ milestones, can, busy, onDone, onAdd }: Props) {
  const range = milestoneDays();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [dayError, setDayError] = useState<string | null>(null);
  const full = milestones.length >= MILESTONES_MAX;

  if (!can && milestones.length === 0) return null;

  const add = async () => {
    const t = title.trim();
    const te = !t ? '请写节点名称，例如“第一次上门服务”' : t.length > MILESTONE_TITLE_MAX ? `节点名称最多 ${MILESTONE_TITLE_MAX} 个字` : undefined;
    const de = !dueOn ? '请选择节点日期' : null;
    setTitleError(te);
    setDayError(de);
    if (te || de) return;
    if (await onAdd(t, dueOn)) {
      setTitle('');
      setDueOn('');
      setAdding(false);
    }
  };

  return (
    <View className='card'>
      <Text className='section-title'>{`项目节点（${milestones.filter((m) => m.doneAt !== null).length} / ${milestones.length} 完成）`}</Text>
      {milestones.length === 0 && <Text className='partners__say'>还没有节点。把要做的事分成几步，每步定个日子，社区能看到进展。</Text>}
      {milestones.map((m) => (
        <Row key={m.id} m={m} can={can} busy={busy} onDone={() => onDone(m)} />
      ))}
      {can && full && <Text className='partners__meta'>{`一个项目最多 ${MILESTONES_MAX} 个节点。`}</Text>}
      {can && !full && !adding && (
        <View className='partners__links'>
          <View className='partners__link' role='button' hoverClass='partners__link--pressed' onClick={() => setAdding(true)}>
            <Text>＋ 添加节点</Text>
          </View>
        </View>
      )}
      {can && !full && adding && (
        <View className='padd'>
          <BigInput
            label='节点名称'
            value={title}
            onChange={(v) => {
              setTitle(v);
              setTitleError(undefined);
            }}
            placeholder='例如：第一次上门服务'
            maxLength={MILESTONE_TITLE_MAX}
            error={titleError}
          />
          <View className={`field pfield${dayError ? ' field--error' : ''}`}>
            <View className='field__head'>
              <Text className='field__label'>哪天前完成</Text>
            </View>
            <Picker className='pday-picker' mode='date' value={dueOn || range.start} start={range.start} end={range.end} onChange={(e) => (setDueOn(String(e.detail.value)), setDayError(null))}>
              <View className='pday' role='button' aria-label='选择节点日期' hoverClass='pday--pressed'>
                <Text className='pday__value'>{dueOn ? `${dayWords(dueOn)}前` : '请选择日期'}</Text>
                <Text className='pday__change'>选日期 ›</Text>
              </View>
            </Picker>
            {dayError && <Text className='field__error'>{dayError}</Text>}
          </View>
          <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={() => void add()}>
            {busy ? '正在添加…' : '添加这个节点'}
          </Button>
          <View className='partners__links'>
            <View className='partners__link' role='link' hoverClass='partners__link--pressed' onClick={() => setAdding(false)}>
              <Text>‹ 先不添加</Text>
            </View>
          </View>
        </View>
      )}
    </View>
  );
}
