/**
 * 记录走访 (`?partner=<partnerId>`): the partner's contact or a linked member records a visit to a
 * community it partners with — which community, the day (today unless changed; 60 days back at most),
 * whom they met, what was raised, and how they answered (optional) — so the community sees it and can
 * turn what was raised into a need or a report. Big boxes for older hands. The client request id is made
 * once for this form: a tap retried after a dropped answer records one visit.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyPartner, PartnerVisitView } from '../../core/api';
import { Button } from '../../components/nut';
import { StatusCard, StatusFailed, StatusRow } from '../../components/StatusCard';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn } from '../../services/api';
import { myPartners, recordPartnerVisit } from '../../services/partners';
import { goToLogin, readParam, replaceWith } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { PARTNER_PAGES } from '../urls';
import { dayWords, earliestVisitDay, today as todayKey, visitDaysOffered } from '../words';
import { checkVisit, FEEDBACK_MAX, fieldOf, inputOf, MET_MAX, RAISED_MAX, type Problems, type VisitForm } from './form';
import { VisitDay } from './VisitDay';
import '../partners.scss';

type Load = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; mine: MyPartner };

const SAY_FIX = '还有内容没有填好，请看红字提示';

function Recorded({ visit, onBack }: { visit: PartnerVisitView; onBack: () => void }) {
  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>✓ 走访已记录</Text>
      <StatusCard chip={<Text className='pchip pchip--ok'>✓ 已记录</Text>} say={`${visit.community.name}能看到这次走访。反映的问题，社区会转成需求或民情反映来办。`}>
        <StatusRow label='社区' value={visit.community.name} />
        <StatusRow label='日期' value={dayWords(visit.day)} />
        <StatusRow label='见了谁' value={visit.met} />
        <StatusRow label='诉求' value={visit.raised} />
      </StatusCard>
      <Button className='partners__action' type='primary' size='large' block onClick={onBack}>
        回到我的共建单位
      </Button>
    </Screen>
  );
}

export default function RecordPartnerVisit() {
  const router = useRouter();
  const partnerId = readParam(router.params?.partner) ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<VisitForm>(() => ({ communityId: null, day: todayKey(), met: '', raised: '', feedback: '' }));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<PartnerVisitView | null>(null);
  // Made once for this form: every retry of the same visit carries the same id.
  const [requestId] = useState(newRequestId);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    if (!partnerId) return setLoad({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪家共建单位，请从“我的共建单位”里点开' });
    const r = await myPartners();
    if (!r.ok) {
      if (isSessionLost(r)) return goToLogin(r.message);
      return setLoad({ status: 'failed', code: r.code, message: r.message });
    }
    const mine = r.data.partners.find((m) => m.partner.id === partnerId);
    if (!mine) return setLoad({ status: 'failed', code: 'PARTNER.NOT_YOURS', message: '您不是这家共建单位的联络人或在职党员，不能替它记录走访' });
    if (mine.communities.length === 1) setForm((f) => ({ ...f, communityId: mine.communities[0].id }));
    setLoad({ status: 'ready', mine });
  }, [partnerId]);

  useLoad(() => {
    void start();
  });

  if (recorded) return <Recorded visit={recorded} onBack={() => replaceWith(PARTNER_PAGES.index)} />;
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') {
    const nobody = load.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={load.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void start()} />;
  }

  const { mine } = load;
  const today = todayKey();
  const earliest = earliestVisitDay();

  const set = <K extends keyof VisitForm>(field: K, value: VisitForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
    setError((m) => (m === SAY_FIX ? null : m));
  };

  const submit = async () => {
    if (busy) return;
    const found = checkVisit(form, earliest, today);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(SAY_FIX);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
      return;
    }
    setError(null);
    setBusy(true);
    const r = await recordPartnerVisit(inputOf(form, mine.partner.id, requestId));
    setBusy(false);
    if (r.ok) {
      void Taro.showToast({ title: '已记录', icon: 'success', duration: 1500 });
      return setRecorded(r.data.visit);
    }
    if (isSessionLost(r)) return goToLogin(r.message);
    const field = r.code === 'VISIT.BAD_DAY' ? 'day' : fieldOf(r.field);
    if (field) setProblems((p) => ({ ...p, [field]: r.message }));
    setError(r.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>记录走访</Text>
      <Text className='partners__lead'>{`为“${mine.partner.name}”记下这次上门走访：见了谁、了解到什么诉求。社区会跟进解决，并及时反馈。`}</Text>
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        {mine.communities.length === 1 ? (
          <View className='pfield'>
            <Text className='field__label'>走访的社区</Text>
            <Text className='partners__say'>{mine.communities[0].name}</Text>
          </View>
        ) : (
          <View className='pfield'>
            <Choices
              label='走访的社区'
              options={mine.communities.map((c) => ({ value: c.id, label: c.name }))}
              columns={mine.communities.length > 3 ? 2 : 1}
              value={form.communityId}
              onChange={(v) => set('communityId', v)}
              error={problems.communityId}
            />
          </View>
        )}
        <VisitDay value={form.day} earliest={earliest} today={today} offered={visitDaysOffered()} onChange={(d) => set('day', d)} error={problems.day} />
      </View>

      <View className='card'>
        <BigInput label='见了谁' hint='例如：社区书记、3 号楼楼栋长、几位老党员' value={form.met} onChange={(v) => set('met', v)} error={problems.met} placeholder='社区书记、楼栋长' maxLength={MET_MAX} />
        <TextBox label='了解到的诉求' value={form.raised} onChange={(v) => set('raised', v)} maxLength={RAISED_MAX} placeholder='例如：老旧小区没有活动场地，老人想要一个读书看报的地方' error={problems.raised} />
        <TextBox label='当场怎么反馈的' optional value={form.feedback} onChange={(v) => set('feedback', v)} maxLength={FEEDBACK_MAX} placeholder='例如：答应回去和单位商量，下周给答复' error={problems.feedback} />
      </View>

      <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '记录这次走访'}
      </Button>
    </Screen>
  );
}
