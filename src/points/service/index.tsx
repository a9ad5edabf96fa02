/**
 * 记录服务: a member or volunteer records service they did — what, which day, how long, for whom — for
 * the community to confirm; confirming grants the points (the rules say how many an hour). Below, 我的服务
 * 记录 with each one's state. The record carries a client request id made once for this form and
 * renewed only after it is kept: a tap retried after a dropped answer records once.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// NutUI's button before the form parts: their styles in the order the other pages have them.
import { Button } from '../../components/nut';
import { BigInput } from '../../components/BigInput';
import { LineInput, TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { dayKey } from '../../core/time';
import { isSessionLost } from '../../services/api';
import { myServices, recordService } from '../../services/points';
import { goToLogin } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { Failed } from '../Failed';
import { useRead } from '../useRead';
import { dayWords, durationWords } from '../words';
import { checkService, daysOffered, earliestDay, FOR_WHOM_MAX, hasErrors, minutesOf, WHAT_MAX, type ServiceErrors } from './check';
import { RecordItem } from './RecordItem';
import { ServiceDay } from './ServiceDay';
import '../points.scss';

const FIELDS = ['what', 'date', 'minutes', 'forWhom'] as const;
const SAY_FIX = '还有内容没有填好，请看红字提示';

export default function RecordService() {
  const { state, load } = useRead(myServices);
  const [day, setDay] = useState(() => dayKey(Date.now()));
  const [what, setWhat] = useState('');
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [forWhom, setForWhom] = useState('');
  const [errors, setErrors] = useState<ServiceErrors>({});
  const [note, setNote] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // One id for this record, however often its tap is retried; a new one once it is kept.
  const [requestId, setRequestId] = useState(newRequestId);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const clear = (field: keyof ServiceErrors) => {
    setErrors((e) => ({ ...e, [field]: null }));
    setNote((n) => (n?.text === SAY_FIX ? null : n));
  };

  const submit = async () => {
    if (busy) return;
    const found = checkService({ what, hours, minutes, forWhom });
    setErrors(found);
    if (hasErrors(found)) return setNote({ tone: 'error', text: SAY_FIX });
    setNote(null);
    setBusy(true);
    const result = await recordService({ clientRequestId: requestId, what: what.trim(), date: day, minutes: minutesOf({ hours, minutes }), forWhom: forWhom.trim() || null });
    setBusy(false);
    if (!result.ok) {
      if (isSessionLost(result)) return goToLogin(result.message);
      const field = FIELDS.find((f) => f === result.field);
      if (field) setErrors((e) => ({ ...e, [field]: result.message }));
      return setNote({ tone: 'error', text: result.message });
    }
    const r = result.data.record;
    setWhat('');
    setHours('');
    setMinutes('');
    setForWhom('');
    setRequestId(newRequestId());
    setNote({
      tone: 'info',
      text: `已提交：${dayWords(r.date)}${durationWords(r.minutes)}。社区工作人员确认后${r.pointsIfConfirmed ? `可得 ${r.pointsIfConfirmed} 积分` : '会记入积分'}，结果在下面“我的服务记录”里看。`,
    });
    void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
    await load();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  const today = dayKey(Date.now());
  const { records } = state.data;

  return (
    <Screen className='points service'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='points__title page-title'>记录服务</Text>
      <Text className='points__lead'>做了志愿服务，在这里记一笔。社区工作人员确认后，按服务时长记积分。</Text>
      <View className='card'>
        <TextBox
          label='做了什么服务'
          value={what}
          onChange={(v) => {
            setWhat(v);
            clear('what');
          }}
          maxLength={WHAT_MAX}
          placeholder='例如：陪独居老人去医院复诊'
          error={errors.what}
        />
        <ServiceDay
          value={day}
          from={earliestDay()}
          today={today}
          offered={daysOffered()}
          onChange={(d) => {
            setDay(d);
            clear('date');
          }}
          error={errors.date}
        />
        <Text className='field__label service__duration-label'>服务了多长时间</Text>
        <View className='service__duration'>
          <BigInput
            label='小时'
            type='number'
            value={hours}
            onChange={(v) => {
              setHours(v);
              clear('minutes');
            }}
            placeholder='0'
            maxLength={2}
          />
          <BigInput
            label='分钟'
            type='number'
            value={minutes}
            onChange={(v) => {
              setMinutes(v);
              clear('minutes');
            }}
            placeholder='0'
            maxLength={3}
          />
        </View>
        {errors.minutes && <Text className='field__error service__duration-error'>{errors.minutes}</Text>}
        <LineInput
          label='为谁服务'
          optional
          value={forWhom}
          onChange={(v) => {
            setForWhom(v);
            clear('forWhom');
          }}
          maxLength={FOR_WHOM_MAX}
          placeholder='例如：3号楼独居老人'
          error={errors.forWhom}
        />
      </View>
      <Button className='points__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交服务记录'}
      </Button>

      <Text className='points__section'>我的服务记录</Text>
      {records.length === 0 ? (
        <View className='card'>
          <Text className='points__say'>还没有服务记录。</Text>
        </View>
      ) : (
        records.map((r) => <RecordItem key={r.id} record={r} />)
      )}
    </Screen>
  );
}
