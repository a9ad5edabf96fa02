/**
 * 随手拍 / 我要反映: one task a screen. 1) pick what kind of problem (big picture tiles);
 * 2) say what it is, add photos; if a neighbour already reported the same, 3) offer to follow
 * theirs instead. One client request id per form, so a retry never files the report twice.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '../../core/api';
import type { Category } from '../../core/reports/categories';
import { Button } from '../../components/nut';
import { CategoryGrid } from '../../components/CategoryGrid';
import { Choices } from '../../components/Choices';
import { LineInput, TextBox } from '../../components/Field';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoPicker, usePhotos } from '../../components/Photos';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { ReportCard } from '../../components/ReportCard';
import { Toggle } from '../../components/Toggle';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost, whoAmI } from '../../services/api';
import { categories as loadCategories, createReport, followReport, similar } from '../../services/reports';
import { buildingsOf, type BuildingChoice } from '../../utils/me';
import { goToLogin, open, PAGES, replaceWith, reportUrl, scanToJoin } from '../../utils/nav';
import { checkDescription, DESCRIPTION_MAX, DESCRIPTION_MIN, isOpenStatus } from '../../utils/report';
import { newRequestId } from '../../utils/request-id';
import './new.scss';

const LOCATION_MAX = 50;

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /**
   * Nobody's resident: a WeChat user not registered yet (`howTo` says how), or a person bound
   * elsewhere (a member, a volunteer) who does not live in a building here yet.
   */
  | { status: 'noBuilding'; isHandler: boolean; howTo: string | null }
  | { status: 'ready'; buildings: BuildingChoice[]; categories: Category[] };

type Step = 'category' | 'details' | 'similar';

export default function NewReport() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [step, setStep] = useState<Step>('category');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The server said the person is not a resident of this building: offer them the way in.
  const [notResident, setNotResident] = useState(false);
  const [busy, setBusy] = useState(false);
  const [matches, setMatches] = useState<ReportSummary[]>([]);
  // The neighbour's report was shown for this building and category and the person chose 仍然提交.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  // Made once for this form: every retry of the same report carries it, so the server files it once.
  const [requestId] = useState(newRequestId);
  const photos = usePhotos();

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    if (!hasSession()) return goToLogin();
    const who = await whoAmI();
    if (!who.ok) {
      if (isSessionLost(who)) return goToLogin(who.message);
      return setLoad({ status: 'failed', message: who.message });
    }
    if (!who.data.registered) return setLoad({ status: 'noBuilding', isHandler: false, howTo: who.data.howToRegister });
    const buildings = buildingsOf(who.data, ['resident']);
    if (buildings.length === 0) return setLoad({ status: 'noBuilding', isHandler: who.data.isHandler, howTo: null });
    const cats = await loadCategories(buildings[0].unitId);
    if (!cats.ok) return setLoad({ status: 'failed', message: cats.message });
    setUnitId((u) => u ?? buildings[0].unitId);
    setLoad({ status: 'ready', buildings, categories: cats.data.categories });
  }, []);

  useLoad(() => {
    void start();
  });

  const pickCategory = (c: Category) => {
    setCategory(c);
    setError(null);
    setStep('details');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const create = async () => {
    if (!unitId || !category) return;
    setBusy(true);
    setError(null);
    const result = await createReport({
      clientRequestId: requestId,
      unitId,
      category: category.code,
      description: description.trim(),
      location: location.trim() || undefined,
      photos: photos.ids.length ? photos.ids : undefined,
      anonymous,
    });
    setBusy(false);
    if (result.ok) {
      void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
      replaceWith(reportUrl(result.data.report.id));
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    setStep('details');
    setNotResident(result.code === 'REPORT.NOT_RESIDENT');
    if (result.field === 'description') setDescriptionError(result.message);
    else setError(result.message);
  };

  const submit = async () => {
    if (busy || !unitId || !category) return;
    const problem = checkDescription(description);
    setDescriptionError(problem);
    if (problem) return;
    if (photos.uploading) return setError('照片还在上传，请稍等一下再提交');

    const key = `${unitId}|${category.code}`;
    if (confirmedFor !== key) {
      setBusy(true);
      const found = await similar(unitId, category.code);
      setBusy(false);
      // A failed lookup must not stop the report: it only saves a neighbour a duplicate.
      const stillOpen = found.ok ? found.data.filter((r) => isOpenStatus(r.status)) : [];
      if (stillOpen.length > 0) {
        setMatches(stillOpen);
        setStep('similar');
        return;
      }
    }
    await create();
  };

  const follow = async (report: ReportSummary) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await followReport(report.id);
    setBusy(false);
    if (result.ok) {
      void Taro.showToast({ title: '已跟进', icon: 'success', duration: 1500 });
      replaceWith(reportUrl(report.id));
    } else setError(result.message);
  };

  const submitAnyway = async () => {
    if (unitId && category) setConfirmedFor(`${unitId}|${category.code}`);
    await create();
  };

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <Failed message={load.message} onRetry={() => void start()} />;
  if (load.status === 'noBuilding') {
    return (
      <Screen>
        <Text className='message message--info'>{load.howTo ?? '您还没有登记所住的楼栋，暂时不能在这里反映问题。扫您楼栋的楼栋码登记，楼栋长审核后就能反映。'}</Text>
        <View className='actions'>
          <Button type='primary' size='large' block onClick={() => void scanToJoin()}>
            扫码登记入住
          </Button>
          {load.isHandler && (
            <Button size='large' block onClick={() => open(PAGES.handlerRecord)}>
              替居民登记反映
            </Button>
          )}
        </View>
      </Screen>
    );
  }

  const building = load.buildings.find((b) => b.unitId === unitId) ?? load.buildings[0];

  if (step === 'category') {
    return (
      <Screen className='report-new'>
        <Text className='report-new__step'>第 1 步，共 2 步</Text>
        <Text className='report-new__title page-title'>遇到了什么问题？</Text>
        {load.buildings.length > 1 ? (
          <Choices
            label='反映哪栋楼的问题'
            options={load.buildings.map((b) => ({ value: b.unitId, label: b.label }))}
            value={unitId}
            onChange={(v) => setUnitId(v)}
          />
        ) : (
          <Text className='muted report-new__where'>反映 {building.label} 的问题</Text>
        )}
        <Text className='muted report-new__tip'>点一下最接近的一项</Text>
        <CategoryGrid categories={load.categories} value={category?.code} onPick={pickCategory} />
      </Screen>
    );
  }

  if (step === 'similar' && matches.length > 0) {
    const first = matches[0];
    return (
      <Screen className='report-new'>
        <Text className='report-new__title page-title'>邻居已经反映过这个问题</Text>
        <Text className='report-new__lead'>这条反映正在办理。您可以跟进它（+1），办理人会知道又有一户遇到了，不用重复提交。</Text>
        <ReportCard report={first} audience='resident' onOpen={() => open(reportUrl(first.id))} />
        {first.followers > 0 && <Text className='muted report-new__followers'>已有 {first.followers + 1} 户反映了这个问题</Text>}
        {error && <Text className='message message--error'>{error}</Text>}
        <View className='actions'>
          <Button type='primary' size='large' block disabled={busy} onClick={() => void follow(first)}>
            跟进这条（+1）
          </Button>
          <Button size='large' block disabled={busy} onClick={() => void submitAnyway()}>
            {busy ? '正在提交…' : '不是同一个问题，仍然提交'}
          </Button>
        </View>
        <Text className='link' onClick={() => setStep('details')}>
          返回修改
        </Text>
      </Screen>
    );
  }

  return (
    <Screen className='report-new'>
      <PrivacyConsent purpose='为了给反映的问题拍照或选照片' otherwise='不同意也可以，不加照片照样能提交。' />
      <Text className='report-new__step'>第 2 步，共 2 步</Text>
      <View className='report-new__picked'>
        <Text className='report-new__picked-icon'>{category?.icon}</Text>
        <View className='report-new__picked-text'>
          <Text className='report-new__picked-name'>{category?.name}</Text>
          <Text className='muted'>{building.label}</Text>
        </View>
        <Text className='report-new__change' onClick={() => setStep('category')}>
          换一个
        </Text>
      </View>

      {error && <Text className='message message--error'>{error}</Text>}
      {notResident && (
        <Text className='link' onClick={() => void scanToJoin()}>
          扫楼栋码登记为本楼居民 ›
        </Text>
      )}

      <TextBox
        label='请说说是什么问题'
        value={description}
        onChange={(v) => {
          setDescription(v);
          if (descriptionError) setDescriptionError(checkDescription(v));
        }}
        placeholder='例如：3单元电梯从昨天起停在5楼，按了没反应'
        minLength={DESCRIPTION_MIN}
        maxLength={DESCRIPTION_MAX}
        error={descriptionError}
      />
      <LineInput
        label='在楼里什么位置'
        optional
        value={location}
        onChange={setLocation}
        placeholder='例如：3单元 电梯'
        maxLength={LOCATION_MAX}
      />
      <PhotoPicker state={photos} />
      <Toggle
        label='不公开我的姓名'
        hint='办事的人仍能看到，对外公示时不写您的名字'
        checked={anonymous}
        onChange={setAnonymous}
      />

      <View className='actions'>
        <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交反映'}
        </Button>
      </View>
    </Screen>
  );
}
