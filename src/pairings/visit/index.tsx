/**
 * 记录走访 (`?id=<pairingId>`): a member records a visit to a household they are paired with — the day
 * (today unless changed), what was done, what the household needs — and, when the visit found a problem
 * the community or the property company must solve, files a report for the household on the way (帮他反映,
 * channel 走访). The report is filed first and the visit recorded with its id, so the visit shows what it
 * filed. Each has its own client request id made once for this form: a tap retried after a dropped answer
 * files the report once and records the visit once; a report filed by an earlier tap is not asked for again.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PairingView, ReportDetail, VisitView } from '../../core/api';
import type { Category } from '../../core/reports/categories';
import { dayKey } from '../../core/time';
import { Button } from '../../components/nut';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { usePhotos } from '../../components/Photos';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Screen } from '../../components/Screen';
import { isSessionLost, type ClientFailure } from '../../services/api';
import { fileForHousehold, myPairings, recordVisit } from '../../services/pairings';
import { categories as loadCategories } from '../../services/reports';
import { goToLogin, readParam, replaceWith, reportUrl } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { PAIRING_PAGES } from '../urls';
import { contactOf, householdLabel, today as todayKey } from '../words';
import { checkVisit, daysOffered, DONE_MAX, hasErrors, NEEDS_MAX, type VisitErrors } from './check';
import { Done } from './Done';
import { HelpReport } from './HelpReport';
import { VisitDay } from './VisitDay';
import '../pairings.scss';

type Load =
  | { status: 'loading' }
  /** `back`: the page cannot go on (not theirs, ended): the way is back to 我的联户. */
  | { status: 'failed'; message: string; back: boolean }
  | { status: 'ready'; pairing: PairingView; categories: Category[] };

const FIELDS = ['date', 'done', 'needs', 'category', 'description'] as const;
const SAY_FIX = '还有内容没有填好，请看红字提示';

function backToMine(): void {
  // Opened from 我的联户, going back refreshes it; opened straight (a link), there is nothing to go back to.
  Taro.navigateBack({ delta: 1 }).catch(() => replaceWith(PAIRING_PAGES.mine));
}

export default function RecordVisit() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [day, setDay] = useState(todayKey);
  const [done, setDone] = useState('');
  const [needs, setNeeds] = useState('');
  const [help, setHelp] = useState(false);
  const [category, setCategory] = useState<Category | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<VisitErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<ReportDetail | null>(null);
  const [recorded, setRecorded] = useState<VisitView | null>(null);
  // Made once for this form: every retry of the same report and the same visit carries the same id.
  const [reportRequestId] = useState(newRequestId);
  const [visitRequestId] = useState(newRequestId);
  const photos = usePhotos();

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    const mine = await myPairings();
    if (!mine.ok) {
      if (isSessionLost(mine)) return goToLogin(mine.message);
      return setLoad({ status: 'failed', message: mine.message, back: false });
    }
    const pairing = mine.data.pairings.find((p) => p.id === id);
    if (!pairing) return setLoad({ status: 'failed', message: '找不到这条结对：只能记录您自己结对住户的走访。', back: true });
    if (pairing.status !== 'active') return setLoad({ status: 'failed', message: `这一户的结对已经解除（${householdLabel(pairing)}），不能再记录走访。`, back: true });
    const cats = await loadCategories(pairing.household.buildingId);
    if (!cats.ok) return setLoad({ status: 'failed', message: cats.message, back: false });
    setLoad({ status: 'ready', pairing, categories: cats.data.categories });
  }, [id]);

  useLoad(() => {
    void start();
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') {
    return (
      <Screen className='pairings'>
        <Text className='message message--error'>{load.message}</Text>
        <Button type='primary' size='large' block onClick={() => (load.back ? replaceWith(PAIRING_PAGES.mine) : void start())}>
          {load.back ? '回到我的联户' : '重新加载'}
        </Button>
      </Screen>
    );
  }

  const { pairing } = load;
  if (recorded) return <Done pairing={pairing} visit={recorded} report={filed} onBack={backToMine} onReport={(r) => replaceWith(reportUrl(r))} />;

  const clear = (field: keyof VisitErrors) => {
    setErrors((e) => ({ ...e, [field]: null }));
    // "请看红字提示" points at boxes being fixed now; a server's refusal stays until the next tap.
    setError((m) => (m === SAY_FIX ? null : m));
  };

  /** A refusal: beside its box when it names one of ours, and at the top in any case. */
  const refused = (failure: ClientFailure, prefix = '') => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    const field = FIELDS.find((f) => f === failure.field);
    if (field) setErrors((e) => ({ ...e, [field]: failure.message }));
    setError(`${prefix}${failure.message}`);
  };

  const submit = async () => {
    if (busy) return;
    const found = checkVisit({ done, needs, help, category: category?.code ?? null, description, filed: !!filed });
    setErrors(found);
    if (hasErrors(found)) return setError(SAY_FIX);
    if (help && !filed && photos.uploading) return setError('照片还在上传，请稍等一下再保存');
    setError(null);
    setBusy(true);
    let report = filed;
    if (help && !report) {
      const r = await fileForHousehold(pairing.id, {
        clientRequestId: reportRequestId,
        unitId: pairing.household.buildingId,
        category: category!.code,
        description: description.trim(),
        photos: photos.ids.length ? photos.ids : undefined,
      });
      if (!r.ok) {
        setBusy(false);
        return refused(r, '反映没有提交，走访也还没有记录：');
      }
      report = r.data.report;
      setFiled(report);
    }
    const v = await recordVisit({
      clientRequestId: visitRequestId,
      pairingId: pairing.id,
      date: day,
      done: done.trim(),
      needs: needs.trim() || null,
      reportId: report?.id ?? null,
    });
    setBusy(false);
    // The report stays filed (its part of the form shows it): another tap records the visit only.
    if (!v.ok) return refused(v, report ? '反映已经提交了，但走访还没有记录上：' : '');
    void Taro.showToast({ title: '已记录', icon: 'success', duration: 1500 });
    setRecorded(v.data.visit);
  };

  const contact = contactOf(pairing);
  const pairedOn = dayKey(pairing.createdAt);
  const today = todayKey();

  return (
    <Screen className='pairings visit'>
      <PrivacyConsent purpose='为了给反映的问题拍照或选照片' otherwise='不同意也可以，不加照片照样能记录走访和反映。' />
      <View className='visit__who'>
        <Text className='household__where trail'>{pairing.household.trail}</Text>
        <Text className='household__door page-title'>{pairing.household.doorLabel}</Text>
        {pairing.kinds && pairing.kinds.length > 0 && <Text className='household__line'>{pairing.kinds.join('、')}</Text>}
        {contact && <Text className='household__line'>{`联系人：${contact}`}</Text>}
      </View>
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        <VisitDay
          value={day}
          from={pairedOn}
          today={today}
          offered={daysOffered(pairedOn)}
          onChange={(d) => {
            setDay(d);
            clear('date');
          }}
          error={errors.date}
        />
        <TextBox
          label='这次做了什么'
          value={done}
          onChange={(v) => {
            setDone(v);
            clear('done');
          }}
          maxLength={DONE_MAX}
          placeholder='例如：上门问候，帮忙换了厨房的灯泡'
          error={errors.done}
        />
        <TextBox
          label='住户需要什么'
          optional
          value={needs}
          onChange={(v) => {
            setNeeds(v);
            clear('needs');
          }}
          maxLength={NEEDS_MAX}
          placeholder='例如：希望每周有人来陪老人说说话'
          error={errors.needs}
        />
      </View>

      <HelpReport
        on={help}
        onToggle={(on) => {
          setHelp(on);
          clear('category');
          clear('description');
        }}
        categories={load.categories}
        category={category}
        onCategory={(c) => {
          setCategory(c);
          clear('category');
        }}
        description={description}
        onDescription={(v) => {
          setDescription(v);
          clear('description');
        }}
        photos={photos}
        errors={errors}
        filed={filed}
      />

      <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在保存…' : help && !filed ? '反映并记录走访' : '保存走访记录'}
      </Button>
    </Screen>
  );
}
