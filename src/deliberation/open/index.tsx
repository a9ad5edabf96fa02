/**
 * 发起议题: a building lead opens a topic for their building, a branch secretary for their compound or one
 * of its buildings — the place (from `mine`'s openFor), a title, the background, options to vote on (2–8,
 * added and removed) or an open question, the opinions' last day and the vote's days, who takes part, the
 * parties at the table, photos. Checked beside each box before sending; the server's refusal is said beside
 * the box it names. The client request id is made once for this form: a tap retried after a dropped answer
 * opens one topic. Opened, it shows the topic. Someone who opens no topics reads why, not a form.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OpenablePlace } from '../../core/api';
import { TOPIC_AUDIENCE_LABEL, TOPIC_AUDIENCES, TOPIC_PHOTOS_MAX, type TopicAudience } from '../../core/deliberation';
import { Button } from '../../components/nut';
import { Choices } from '../../components/Choices';
import { LineInput, TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { PhotoPicker, usePhotos } from '../../components/Photos';
import { Screen } from '../../components/Screen';
import { StopCard } from '../../components/StopCard';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { myTopics } from '../../services/deliberation';
import { goToLogin, replaceWith } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { Failed } from '../Failed';
import { DELIBERATION_PAGES, topicUrl } from '../urls';
import { DayRow } from './DayRow';
import { BACKGROUND_MAX, checkTopic, dayRange, emptyForm, fieldOf, inputOf, TITLE_MAX, type Kind, type Problems, type TopicForm } from './form';
import { Options } from './Options';
import { PlaceRow } from './PlaceRow';
import { openTopic } from '../../services/deliberation';
import '../deliberation.scss';
import './form.scss';

type Load = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'stopped' } | { status: 'ready'; places: OpenablePlace[] };

const SAY_FIX = '还有内容没有填好，请看红字提示';

export default function OpenTopic() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<TopicForm>(() => emptyForm(null));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made once for this form: every retry of the same topic carries the same id.
  const [requestId] = useState(newRequestId);
  const photos = usePhotos(TOPIC_PHOTOS_MAX);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    const r = await myTopics(0, 1);
    if (!r.ok) return setLoad({ status: 'failed', code: r.code, message: r.message });
    const places = r.data.openFor ?? [];
    if (!r.data.canOpen || places.length === 0) return setLoad({ status: 'stopped' });
    setForm((f) => ({ ...f, unitId: places.length === 1 ? places[0].id : f.unitId }));
    setLoad({ status: 'ready', places });
  }, []);

  useLoad(() => {
    void start();
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <Failed code={load.code} message={load.message} onRetry={() => void start()} />;
  if (load.status === 'stopped') {
    return (
      <Screen className='dlb dform'>
        <StopCard status='不能发起议题' title='发起议题' message='议题由楼栋长、小区党支部书记和社区工作人员发起。您可以在议题里发表意见、为您家投票。' />
        <Button className='dlb__action' type='primary' size='large' block onClick={() => replaceWith(DELIBERATION_PAGES.index)}>
          回到小区议事
        </Button>
      </Screen>
    );
  }

  const range = dayRange();
  const vote = form.kind === 'vote';
  const set = <K extends keyof TopicForm>(field: K, value: TopicForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems((p) => (p[field as keyof Problems] ? { ...p, [field]: undefined } : p));
    setError((m) => (m === SAY_FIX ? null : m));
  };

  const submit = async () => {
    if (busy) return;
    const found = checkTopic(form, range);
    setProblems(found);
    if (Object.keys(found).length > 0) return setError(SAY_FIX);
    if (photos.uploading) return setError('照片还在上传，请稍等一下再发起');
    setError(null);
    setBusy(true);
    const r = await openTopic(inputOf(form, photos.ids, requestId));
    setBusy(false);
    if (r.ok) {
      void Taro.showToast({ title: '议题已发起', icon: 'success', duration: 1500 });
      replaceWith(topicUrl(r.data.topic.id));
      return;
    }
    if (isSessionLost(r)) return goToLogin(r.message);
    const field = fieldOf(r.field);
    if (field) setProblems((p) => ({ ...p, [field]: r.message }));
    setError(field ? SAY_FIX : r.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <Screen className='dlb dform'>
      <Text className='dlb__title page-title'>发起议题</Text>
      <Text className='dlb__lead'>把大家关心的事拿出来商量：住户会收到消息，先征求意见，需要表决的每户投一票。投票结束后，您来记录决定。</Text>
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        <PlaceRow places={load.places} value={form.unitId} onChange={(id) => set('unitId', id)} error={problems.unitId} />
        <LineInput label='议题标题' value={form.title} onChange={(v) => set('title', v)} maxLength={TITLE_MAX} placeholder='例如：1号楼加装电梯' error={problems.title} />
        <TextBox
          label='议题背景'
          hint='是什么事，为什么现在商量，大概要花多少钱'
          value={form.background}
          onChange={(v) => set('background', v)}
          maxLength={BACKGROUND_MAX}
          placeholder='例如：1号楼是七层老楼，没有电梯，老人上下楼困难……'
          error={problems.background}
        />
        <PhotoPicker state={photos} max={TOPIC_PHOTOS_MAX} />
        {problems.photos && <Text className='field__error'>{problems.photos}</Text>}
      </View>

      <View className='card'>
        <Choices<Kind>
          label='怎么商量'
          options={[
            { value: 'vote', label: '要投票表决', hint: '每户一票' },
            { value: 'question', label: '只征求意见', hint: '不投票' },
          ]}
          columns={2}
          value={form.kind}
          onChange={(v) => set('kind', v)}
        />
        {vote && <Options options={form.options} onChange={(v) => set('options', v)} error={problems.options} />}
        <DayRow label='征求意见到哪天' hint='这天结束前都可以发表意见' value={form.opinionsUntil} start={range.start} end={range.end} onChange={(d) => set('opinionsUntil', d)} error={problems.opinionsUntil} />
        {vote && (
          <>
            <DayRow label='投票从哪天开始' value={form.voteFrom} start={range.start} end={range.end} onChange={(d) => set('voteFrom', d)} error={problems.voteFrom} />
            <DayRow label='投票到哪天截止' hint='这天结束前都可以投，可以改票' value={form.voteUntil} start={form.voteFrom || range.start} end={range.end} onChange={(d) => set('voteUntil', d)} error={problems.voteUntil} />
          </>
        )}
      </View>

      <View className='card'>
        <Choices<TopicAudience>
          label='谁参加'
          options={TOPIC_AUDIENCES.map((a) => ({ value: a, label: TOPIC_AUDIENCE_LABEL[a] }))}
          value={form.audience}
          onChange={(v) => set('audience', v)}
          error={problems.audience}
        />
        <LineInput
          label='参与方'
          optional
          hint='一起商量的单位，用顿号隔开'
          value={form.parties}
          onChange={(v) => set('parties', v)}
          maxLength={130}
          placeholder='例如：幸福里物业、业主委员会'
          error={problems.parties}
        />
      </View>

      <Button className='dlb__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在发起…' : '发起议题'}
      </Button>
    </Screen>
  );
}
