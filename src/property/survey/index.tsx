/**
 * 物业服务评价 (`?compound=<id>`, else the caller's compound): this month's few questions about the
 * compound's property company, each answered with one big tap (😊 满意 / 🙂 基本满意 / 😞 不满意), and a
 * comment if the resident wants one. One answer per household per month: once the household has
 * answered — by this person or another of the same door — the page says who and when, kindly, and shows
 * no form. The answer carries a client request id made once for this form, so a tap retried after a
 * dropped answer gives the same answer. One main action: 提交评价.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { SurveyView } from '../../core/api';
import { COMMENT_MAX, type SurveyAnswerValue, type SurveyQuestion } from '../../core/assessment';
import { Button } from '../../components/nut';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { answerPropertySurvey, propertySurvey } from '../../services/assessments';
import { goHome, goToLogin, open, readParam, replaceWith } from '../../utils/nav';
import { MYDATA_PAGES } from '../../mydata/urls';
import { newRequestId } from '../../utils/request-id';
import { Failed } from '../Failed';
import { PROPERTY_PAGES } from '../urls';
import { answeredBy, answeredLine } from '../words';
import { checkSurvey, complete, hasErrors, type Picked, type SurveyErrors } from './check';
import { Given } from './Given';
import { Question } from './Question';
import '../property.scss';

type Load = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'ready'; survey: SurveyView };

/** Refusals that trying again will not mend, and the way that will. */
function wayOn(code: ClientFailure['code']): { words: string; onClick: () => void } | null {
  if (code === 'ASSESSMENT.NO_DOOR') return { words: '去我的信息补门牌', onClick: () => open(MYDATA_PAGES.index) };
  if (code === 'ASSESSMENT.NOT_RESIDENT') return { words: '回到首页', onClick: goHome };
  return null;
}

const SAY_FIX = '还有问题没有选，请看红字提示';

/** Back to the public page: opened from it, going back refreshes it; opened straight (a link), it is opened. */
function toResults(compoundId: string): void {
  Taro.navigateBack({ delta: 1 }).catch(() => replaceWith(`${PROPERTY_PAGES.index}?compound=${encodeURIComponent(compoundId)}`));
}

export default function PropertySurvey() {
  const router = useRouter();
  const compoundId = readParam(router.params?.compound);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [picked, setPicked] = useState<Picked>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<SurveyErrors>({});
  const [commentError, setCommentError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made once for this form: every retry of the same answer carries the same id.
  const [requestId] = useState(newRequestId);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    const r = await propertySurvey(compoundId);
    if (r.ok) setLoad({ status: 'ready', survey: r.data });
    else if (isSessionLost(r)) goToLogin(r.message);
    else setLoad({ status: 'failed', code: r.code, message: r.message });
  }, [compoundId]);

  useLoad(() => {
    void start();
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <Failed code={load.code} message={load.message} onRetry={() => void start()} instead={wayOn(load.code)} />;

  const { survey } = load;
  const head = (
    <>
      <Text className='property__title page-title'>物业服务评价</Text>
      <Text className='property__lead trail'>{[survey.monthLabel, survey.trail, survey.company?.name].filter(Boolean).join(' · ')}</Text>
    </>
  );
  const back = (
    <Button type='primary' size='large' block onClick={() => toResults(survey.compound.id)}>
      看物业测评结果
    </Button>
  );

  // Answered (now, earlier, or by another of the household): who and when, and no form.
  if (survey.answered) {
    return (
      <Screen className='property'>
        {head}
        <View className='card'>
          <Text className='section-title'>✓ 本月已经评价过了</Text>
          <Text className='property__say'>{answeredLine(survey.answeredAt, { mine: survey.mine !== null, name: answeredBy(survey) })}</Text>
        </View>
        {survey.mine && <Given survey={survey} answers={survey.mine} />}
        {back}
      </Screen>
    );
  }

  if (!survey.open) {
    return (
      <Screen className='property'>
        {head}
        <View className='card'>
          <Text className='property__say'>{survey.closedReason ?? '本月的评价现在不能填写。'}</Text>
        </View>
        {back}
      </Screen>
    );
  }

  const pick = (q: SurveyQuestion, v: SurveyAnswerValue) => {
    setPicked((p) => ({ ...p, [q]: v }));
    setErrors((e) => ({ ...e, [q]: null }));
    setError((m) => (m === SAY_FIX ? null : m));
  };

  /** A refusal: said at the top; an answer given meanwhile by another of the household shows who and when instead. */
  const refused = (failure: ClientFailure) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (failure.code === 'ASSESSMENT.ALREADY_ANSWERED') return void start();
    if (failure.field === 'comment') setCommentError(failure.message);
    setError(failure.message);
  };

  const submit = async () => {
    if (busy) return;
    const found = checkSurvey(survey.questions, picked);
    setErrors(found);
    if (hasErrors(found)) return setError(SAY_FIX);
    setError(null);
    setBusy(true);
    const r = await answerPropertySurvey({
      clientRequestId: requestId,
      compoundId: survey.compound.id,
      month: survey.month,
      answers: complete(survey.questions, picked),
      comment: comment.trim() || null,
    });
    setBusy(false);
    if (!r.ok) return refused(r);
    void Taro.showToast({ title: '谢谢您的评价', icon: 'success', duration: 1500 });
    setLoad({ status: 'ready', survey: r.data });
  };

  return (
    <Screen className='property survey'>
      {head}
      <Text className='property__say'>{`每户每月评一次，一共 ${survey.questions.length} 个问题，点一下就选好。评价不公开您的姓名和门牌。`}</Text>
      {error && <Text className='message message--error property__action'>{error}</Text>}
      <View className='card property__action'>
        {survey.questions.map((q, i) => (
          <Question key={q.id} index={i} question={q} choices={survey.choices} value={picked[q.id] ?? null} onChange={(v) => pick(q.id, v)} error={errors[q.id]} />
        ))}
        <TextBox
          label='其他意见'
          optional
          value={comment}
          onChange={(v) => {
            setComment(v);
            setCommentError(null);
          }}
          maxLength={COMMENT_MAX}
          placeholder='例如：希望晚上多巡逻几次'
          error={commentError}
        />
      </View>
      <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交评价'}
      </Button>
    </Screen>
  );
}
