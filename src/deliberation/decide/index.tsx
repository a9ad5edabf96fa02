/**
 * 记录决定 (`?id=<topicId>`): the opener of a topic (a building lead's 楼院会) or the branch secretary over it
 * records how it was decided (by the vote, at 逢三说事, a joint meeting, a residents' meeting), the option
 * adopted — each with its count, once the vote is over — the decision, the minutes, the meeting's day and
 * who attended. Asked once more before sending (the people of the place are told, and it cannot be changed);
 * the server's refusal is said beside the box it names. A change to the compound's 公约 is not made here:
 * the management page records it with the decision. Only when the server says `can.decide`; anyone else
 * reads why (the vote still running, or not theirs to decide) and goes back to the topic.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TopicView } from '../../core/api';
import { DECIDED_BY, DECIDED_BY_LABEL, type DecidedBy } from '../../core/deliberation';
import { Button } from '../../components/nut';
import { Choices } from '../../components/Choices';
import { LineInput, TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { StopCard } from '../../components/StopCard';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { topicDetail } from '../../services/deliberation';
import { goToLogin, readParam, replaceWith } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Failed } from '../Failed';
import { topicUrl } from '../urls';
import { turnoutLine } from '../words';
import { DayRow } from '../open/DayRow';
import { decideTopic } from '../../services/deliberation';
import { ATTENDEES_MAX, checkDecision, fieldOf, firstForm, inputOf, meetingRange, MINUTES_MAX, NONE, TEXT_MAX, type DecisionForm, type Problems } from './form';
import '../deliberation.scss';
import '../open/form.scss';

type State = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'ready'; topic: TopicView };

const SAY_FIX = '还有内容没有填好，请看红字提示';
const NOT_YOURS = '只有议题的发起人、社区工作人员和小区党支部书记可以记录决定。';

/** Why this topic takes no decision from this reader now. */
function whyNot(t: TopicView): string {
  if (t.status === 'decided') return '这个议题已经记录了决定，可以在议题里看到决定和会议纪要。';
  if (t.status === 'withdrawn') return '这个议题已经撤回，不再记录决定。';
  if (t.phase === 'opinions' || t.phase === 'voting') return t.hasVote ? '投票还没有结束：投票结束后再来记录决定。' : NOT_YOURS;
  return NOT_YOURS;
}

/** "同意加装（2 户，67%）"; while counts are not shown, the label alone. */
const withCount = (o: TopicView['options'][number]) => (o.count === null ? o.label : `${o.label}（${o.count} 户，${o.percent}%）`);

export default function DecideTopic() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [form, setForm] = useState<DecisionForm | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪一个议题，请从议题里点“记录决定”' });
    const r = await topicDetail(id);
    if (!r.ok) return setState({ status: 'failed', code: r.code, message: r.message });
    setState({ status: 'ready', topic: r.data });
    // What was typed stays when the page shows again (back from a picker); only the topic is read again.
    setForm((f) => f ?? firstForm(r.data));
  }, [id]);

  useLoadOnShow(load);

  if (state.status === 'loading' || !form) return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const t = state.topic;
  if (!t.can.decide) {
    return (
      <Screen className='dlb dform'>
        <StopCard status='不能记录决定' title={t.title} message={whyNot(t)} />
        <Button className='dlb__action' type='primary' size='large' block onClick={() => replaceWith(topicUrl(t.id))}>
          回到议题
        </Button>
      </Screen>
    );
  }

  const range = meetingRange();
  const set = <K extends keyof DecisionForm>(field: K, value: DecisionForm[K]) => {
    setForm((f) => f && { ...f, [field]: value });
    setProblems((p) => (p[field as keyof Problems] ? { ...p, [field]: undefined } : p));
    setError((m) => (m === SAY_FIX ? null : m));
  };
  const ways = DECIDED_BY.filter((d) => t.hasVote || d !== 'vote');

  const submit = async () => {
    if (busy) return;
    const found = checkDecision(form, t.hasVote, range);
    setProblems(found);
    if (Object.keys(found).length > 0) return setError(SAY_FIX);
    setError(null);
    const asked = await Taro.showModal({
      title: '记录决定',
      content: '记录后不能修改，这里的住户会收到消息，决定和会议纪要会公开。确定记录吗？',
      confirmText: '记录',
      cancelText: '再看看',
      confirmColor: '#c62f2f',
    });
    if (!asked.confirm) return;
    setBusy(true);
    const r = await decideTopic(inputOf(t, form));
    setBusy(false);
    if (r.ok) {
      void Taro.showToast({ title: '决定已记录', icon: 'success', duration: 1500 });
      replaceWith(topicUrl(t.id));
      return;
    }
    if (isSessionLost(r)) return goToLogin(r.message);
    const field = fieldOf(r.field);
    if (field) setProblems((p) => ({ ...p, [field]: r.message }));
    setError(field ? SAY_FIX : r.message);
    // Moved on meanwhile (another decided it, a new version): read it again so the page says what is true now.
    if (!field) void load();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <Screen className='dlb dform'>
      <Text className='dlb__title page-title'>记录决定</Text>
      <Text className='dform__topic'>{t.title}</Text>
      <Text className='dlb__hint'>{`${t.trail} · ${t.hasVote ? turnoutLine(t.turnout) : `${t.opinions} 条意见`}`}</Text>
      <Text className='dform__note'>要修改小区公约，请在社区管理网页上记录这个决定。</Text>
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        <Choices<DecidedBy> label='怎么决定的' options={ways.map((d) => ({ value: d, label: DECIDED_BY_LABEL[d] }))} value={form.decidedBy} onChange={(v) => set('decidedBy', v)} error={problems.decidedBy} />
        {t.hasVote && (
          <Choices<string>
            label='采纳哪一项'
            options={[...t.options.map((o) => ({ value: o.id, label: withCount(o) })), { value: NONE, label: '不采纳任何选项' }]}
            value={form.optionId}
            onChange={(v) => set('optionId', v)}
            error={problems.optionId}
          />
        )}
      </View>

      <View className='card'>
        <TextBox label='决定内容' hint='要做什么，什么时候做，谁来做' value={form.text} onChange={(v) => set('text', v)} maxLength={TEXT_MAX} placeholder='例如：同意加装电梯，明年3月前开工' error={problems.text} />
        <TextBox
          label='会议纪要'
          hint='在哪里开的会，大家说了什么，怎么定的'
          value={form.minutes}
          onChange={(v) => set('minutes', v)}
          maxLength={MINUTES_MAX}
          placeholder='例如：在1号楼下召开楼院会，到会住户 20 户……'
          error={problems.minutes}
        />
        <DayRow label='会议日期' hint='按投票结果决定的，选记录的这一天' value={form.meetingDay} start={range.start} end={range.end} onChange={(d) => set('meetingDay', d)} error={problems.meetingDay} />
        <LineInput
          label='参会人员'
          value={form.attendees}
          onChange={(v) => set('attendees', v)}
          maxLength={ATTENDEES_MAX}
          placeholder='例如：楼栋长、物业、居民代表 12 人'
          error={problems.attendees}
        />
      </View>

      <Button className='dlb__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在记录…' : '记录决定'}
      </Button>
    </Screen>
  );
}
