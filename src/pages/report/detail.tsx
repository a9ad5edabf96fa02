/**
 * A report as its resident sees it: how it stands, the next step, who is on it and by when,
 * what has happened; and what they can do now (`can` from the server decides): answer a
 * question, rate the result, or say it is not fixed. Its resident can share it to the building's
 * WeChat group as a card (category, place and status: never their name), which neighbours in the
 * group open in full (group/card).
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportDetail } from '../../core/api';
import type { Rating } from '../../core/reports/report';
import { Button } from '../../components/nut';
import { Choices } from '../../components/Choices';
import { TextBox } from '../../components/Field';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoPicker, usePhotos } from '../../components/Photos';
import { ReportBody } from '../../components/ReportBody';
import { Screen } from '../../components/Screen';
import { reportCardPath } from '../../core/groups';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { shareWithTicket } from '../../services/groups';
import { dispute, followReport, HANDLER_ACTIONS, provideInfo, rate } from '../../services/reports';
import { goToLogin, handlerReportUrl, open, readParam } from '../../utils/nav';
import { checkNote, CONFLICT_MESSAGE, latestQuestion } from '../../utils/report';
import { useReportDetail } from '../../utils/useReportDetail';
import './detail.scss';

const RATINGS: { value: Rating; label: string }[] = [
  { value: 'satisfied', label: '😊 满意' },
  { value: 'basically_satisfied', label: '🙂 基本满意' },
  { value: 'unsatisfied', label: '😞 不满意' },
];

export default function ReportDetailPage() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const { state, setState, load } = useReportDetail(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rating, setRating] = useState<Rating | null>(null);
  const [ratingNote, setRatingNote] = useState('');
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const photos = usePhotos();
  const shown = state.status === 'ready' ? state.report : null;
  // Only the resident (and its handlers) read who reported it; neighbours who +1 it do not share it, nor
  // does a building lead who watches it (they read who reported it, but it is not theirs to share).
  const shareable = shown !== null && shown.resident !== null && !shown.watching;

  // A card opened in the group tells the card page which group only when it was sent with a shareTicket.
  useEffect(() => {
    if (shareable) shareWithTicket();
  }, [shareable]);

  useShareAppMessage(() =>
    shown
      ? { title: `${shown.categoryName} · ${shown.place} · ${shown.statusLabel}`, path: reportCardPath(shown.id) }
      : { title: '近邻', path: reportCardPath(id) },
  );

  /** One answer from an action: show the new report, or say what went wrong (reloading on a conflict). */
  const settle = async (result: { ok: true; data: ReportDetail } | ClientFailure, done: string) => {
    if (result.ok) {
      setState({ status: 'ready', report: result.data });
      setError(null);
      setNotice(done);
      setDisputing(false);
      setReason('');
      setAnswer('');
      setRating(null);
      setRatingNote('');
      photos.reset();
      void Taro.showToast({ title: done.slice(0, 7), icon: 'success', duration: 1500 });
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    if (result.code === 'CONFLICT.VERSION') {
      setNotice(null);
      setError(CONFLICT_MESSAGE);
      await load();
      return;
    }
    if (result.field === 'reason' || result.field === 'answer') setFieldError(result.message);
    else setError(result.message);
  };

  const run = async (task: () => Promise<{ ok: true; data: ReportDetail } | ClientFailure>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldError(null);
    const result = await task();
    setBusy(false);
    await settle(result, done);
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const { report } = state;
  // The resident's next step speaks to them ("…会联系您"): a watcher reads whose move it is instead.
  const told = report.watching && report.nextStepForStaff ? { ...report, nextStep: report.nextStepForStaff } : report;
  const can = new Set(report.can);
  const canHandle = HANDLER_ACTIONS.some((a) => can.has(a));
  const question = latestQuestion(report);

  const submitRating = () => {
    if (!rating) return setFieldError('请先点选 满意、基本满意 或 不满意');
    void run(() => rate({ id: report.id, version: report.version, rating, note: ratingNote.trim() || undefined }), '谢谢您的评价');
  };

  const submitDispute = () => {
    const problem = checkNote(reason, '还存在的问题');
    if (problem) return setFieldError(problem);
    void run(
      () => dispute({ id: report.id, version: report.version, reason: reason.trim(), photos: photos.ids.length ? photos.ids : undefined }),
      '已告诉办理人，会重新办理',
    );
  };

  const submitAnswer = () => {
    const problem = checkNote(answer, '补充说明');
    if (problem) return setFieldError(problem);
    if (photos.uploading) return setError('照片还在上传，请稍等一下');
    void run(
      () => provideInfo({ id: report.id, version: report.version, answer: answer.trim(), photos: photos.ids.length ? photos.ids : undefined }),
      '已补充，办理人会看到',
    );
  };

  return (
    <Screen className='report-detail'>
      {notice && <Text className='message message--info'>{notice}</Text>}
      {error && <Text className='message message--error'>{error}</Text>}
      {report.watching && report.watchNote && (
        // 关注: a building lead reading an urgent report in their building that others handle. Said in words
        // first, so they do not take it for theirs to handle, nor themselves for one of its followers.
        <View className='watch-note' aria-label='关注'>
          <Text className='watch-note__tag'>关注 · 只看不办</Text>
          <Text className='watch-note__text'>{report.watchNote}</Text>
        </View>
      )}

      <ReportBody report={told} audience='resident'>
        {can.has('provideInfo') && (
          <View className='card act'>
            <Text className='section-title'>请您补充情况</Text>
            {question && <Text className='act__question'>办理人问：{question}</Text>}
            <TextBox label='您的回答' value={answer} onChange={setAnswer} maxLength={500} error={fieldError} placeholder='在这里写下补充的情况' />
            <PhotoPicker state={photos} label='补充照片' />
            <Button type='primary' size='large' block disabled={busy} onClick={submitAnswer}>
              {busy ? '正在提交…' : '提交补充'}
            </Button>
          </View>
        )}

        {can.has('rate') && !disputing && (
          <View className='card act'>
            <Text className='section-title'>问题解决了吗？请您评价</Text>
            <Choices options={RATINGS} value={rating} onChange={(v) => { setRating(v); setFieldError(null); }} label='评价' />
            <TextBox label='还想说的话' optional value={ratingNote} onChange={setRatingNote} maxLength={500} placeholder='可以不写' />
            {fieldError && <Text className='field__error act__error'>{fieldError}</Text>}
            <Button type='primary' size='large' block disabled={busy} onClick={submitRating}>
              {busy ? '正在提交…' : '提交评价'}
            </Button>
          </View>
        )}

        {can.has('dispute') && !disputing && (
          <View className='act__dispute'>
            <Button size='large' block onClick={() => { setDisputing(true); setFieldError(null); }}>
              问题还没解决
            </Button>
          </View>
        )}

        {can.has('dispute') && disputing && (
          <View className='card act'>
            <Text className='section-title'>问题还没解决</Text>
            <TextBox
              label='还有什么问题'
              value={reason}
              onChange={setReason}
              maxLength={500}
              error={fieldError}
              placeholder='例如：电梯修了一天又坏了'
            />
            <PhotoPicker state={photos} label='现在的照片' />
            <Button type='primary' size='large' block disabled={busy} onClick={submitDispute}>
              {busy ? '正在提交…' : '提交，请重新办理'}
            </Button>
            <Text className='link' onClick={() => setDisputing(false)}>
              不了，返回
            </Text>
          </View>
        )}

        {can.has('follow') && (
          <View className='act__follow'>
            <Button type='primary' size='large' block disabled={busy} onClick={() => void run(() => followReport(report.id), '已跟进，办理人会知道')}>
              我也遇到了（+1）
            </Button>
          </View>
        )}

        {canHandle && (
          <View className='act__handle'>
            <Button type='primary' size='large' block onClick={() => open(handlerReportUrl(report.id))}>
              去办理这条反映
            </Button>
          </View>
        )}

        {shareable && (
          <View className='act__share'>
            <Button size='large' block openType='share'>
              分享到楼栋群
            </Button>
            <Text className='act__share-note'>群里的邻居能看到问题和进展，看不到您的名字。</Text>
          </View>
        )}
      </ReportBody>
    </Screen>
  );
}
