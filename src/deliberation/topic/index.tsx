/**
 * 议题 (`?id=<topicId>`, the page notices open: core's TOPIC_PAGE): the topic — its phase, days, place,
 * background and photos; the vote, where the household votes or changes its vote (asked first) and sees
 * its own vote, the turnout, and each option's count once the vote closes; the opinions, with a box to
 * leave one; the decision and minutes; the report it came from and the compound's 公约. What the reader
 * may do is the server's `can`. A refusal (the vote closed meanwhile, not a household here) is said in the
 * server's words above the topic, and the topic is read again.
 */
import { useCallback, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TopicView } from '../../core/api';
import { OPINION_MAX } from '../../core/deliberation';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { castVote, sayOpinion, topicDetail } from '../../services/deliberation';
import { goToLogin, open, readParam, reportUrl } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Decision } from '../Decision';
import { Failed } from '../Failed';
import { decideUrl, rulesUrl } from '../urls';
import { compoundOf } from '../words';
import { Facts } from './Facts';
import { Opinions } from './Opinions';
import { Vote } from './Vote';
import '../deliberation.scss';

type State = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'ready'; topic: TopicView };
type Note = { tone: 'error' | 'info'; text: string } | null;

export default function Topic() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  // Made once per opinion: a retry after no answer sends the same id, so it is one opinion.
  const requestId = useRef(newRequestId());

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪一个议题，请从小区议事里点开' });
    const r = await topicDetail(id);
    setState(r.ok ? { status: 'ready', topic: r.data } : { status: 'failed', code: r.code, message: r.message });
  }, [id]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const t = state.topic;
  const say = (tone: 'error' | 'info', words: string) => {
    setNote({ tone, text: words });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };
  const refused = (failure: ClientFailure) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    say('error', failure.message);
    void load();
  };

  const pick = async (optionId: string) => {
    const option = t.options.find((o) => o.id === optionId);
    if (busy || !option) return;
    if (t.myVote?.optionId === optionId) return say('info', `您家已经投了“${option.label}”。想改票，点另一项。`);
    const change = t.myVote !== null;
    const asked = await Taro.showModal({
      title: change ? '改票' : '投票',
      content: change ? `把您家的票改投“${option.label}”？截止前还可以再改。` : `您家投“${option.label}”？一户一票，截止前可以改。`,
      confirmText: change ? '改投' : '投票',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    });
    if (!asked.confirm) return;
    setBusy(true);
    const r = await castVote(t.id, optionId);
    setBusy(false);
    if (!r.ok) return refused(r);
    setState({ status: 'ready', topic: r.data });
    say('info', change ? `已改投“${option.label}”。` : `已投票：“${option.label}”。谢谢您！`);
  };

  const sayIt = async () => {
    if (busy) return;
    const words = text.trim();
    const problem = !words ? '请写下您的意见' : words.length > OPINION_MAX ? `最多 ${OPINION_MAX} 个字` : null;
    setTextError(problem);
    if (problem) return;
    setBusy(true);
    const r = await sayOpinion(t.id, words, requestId.current);
    setBusy(false);
    if (!r.ok) {
      if (r.code.startsWith('INPUT.')) return setTextError(r.message);
      return refused(r);
    }
    requestId.current = newRequestId();
    setText('');
    setState({ status: 'ready', topic: r.data.topic });
    say('info', '意见已提交，大家都能看到。谢谢您！');
  };

  const compound = compoundOf(t.unit);
  return (
    <Screen className='dlb'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='dlb__title page-title'>{t.title}</Text>
      <Facts topic={t} />
      {t.decision && <Decision decision={t.decision} onRules={compound ? () => open(rulesUrl(compound)) : null} />}
      {t.hasVote && <Vote topic={t} busy={busy} onPick={(o) => void pick(o)} />}
      {/* After the counts: the decider reads them first. */}
      {t.can.decide && (
        <Button className='dlb__action' type='primary' size='large' block onClick={() => open(decideUrl(t.id))}>
          记录决定
        </Button>
      )}
      <Opinions
        opinions={t.opinionsList}
        canSay={t.can.say}
        secondary={t.can.vote}
        text={text}
        onText={(v) => {
          setText(v);
          setTextError(null);
        }}
        error={textError}
        busy={busy}
        onSay={() => void sayIt()}
      />
      <View className='dlb__links'>
        {t.report && (
          <View className='dlb__link' role='link' hoverClass='dlb__link--pressed' onClick={() => open(reportUrl(t.report!.id))}>
            <Text>{`相关反映：${t.report.title} ›`}</Text>
          </View>
        )}
        {compound && (
          <View className='dlb__link' role='link' hoverClass='dlb__link--pressed' onClick={() => open(rulesUrl(compound))}>
            <Text>小区公约 ›</Text>
          </View>
        )}
      </View>
    </Screen>
  );
}
