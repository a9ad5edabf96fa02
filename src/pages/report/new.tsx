/**
 * 随手拍 / 我要反映: one task a screen. 1) pick what kind of problem (big picture tiles);
 * 2) say what it is, add photos; if a neighbour already reported the same, 3) offer to follow
 * theirs instead, with what was typed. One client request id per form, so a retry never files the
 * report twice. The form is kept as a draft on the phone until it is filed or discarded
 * (services/report-draft.ts), and a filing the network dropped waits there and goes by itself when
 * the network returns (services/filing-queue.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportDetail, ReportSummary } from '../../core/api';
import type { Category } from '../../core/reports/categories';
import { Button } from '../../components/nut';
import { LineInput } from '../../components/Field';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoPicker } from '../../components/Photos';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost, whoAmI, type ClientFailure } from '../../services/api';
import { dropQueued, fileReport, onFilingSettled, queuedFor, retryQueued, watchNetwork, type QueuedFiling as Queued } from '../../services/filing-queue';
import { endDraft, isEmptyDraft, readDraft, writeDraft, type ReportDraft } from '../../services/report-draft';
import { categories as loadCategories, followReport, similar } from '../../services/reports';
import { askForNotices } from '../../services/subscribe';
import { buildingsOf, type BuildingChoice } from '../../utils/me';
import { goToLogin, replaceWith, reportUrl, scanToJoin } from '../../utils/nav';
import { isOpenStatus } from '../../utils/report';
import { newRequestId } from '../../utils/request-id';
import { checkReportDescription, DescriptionBox } from './DescriptionBox';
import { DraftOffer } from './DraftOffer';
import { CategoryStep, NoBuilding } from './FirstSteps';
import { Followed, SimilarOffer } from './FollowSteps';
import { PublicChoices } from './PublicChoices';
import { QueuedFiling } from './QueuedFiling';
import { useDraftPhotos } from './use-draft-photos';
import { useVoiceNote, VoiceNote } from './VoiceNote';
import './new.scss';

const LOCATION_MAX = 50;

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** Nobody's resident yet (FirstSteps.tsx NoBuilding). */
  | { status: 'noBuilding'; isHandler: boolean; howTo: string | null }
  | { status: 'ready'; personId: string; buildings: BuildingChoice[]; categories: Category[] };

type Step = 'category' | 'details' | 'similar' | 'followed' | 'draft' | 'queued';

export default function NewReport() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [step, setStep] = useState<Step>('category');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  // Off unless ticked, and not kept in the draft: a restored draft asks again rather than publish by default.
  const [photosPublic, setPhotosPublic] = useState(false);
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The server said the person is not a resident of this building: offer them the way in.
  const [notResident, setNotResident] = useState(false);
  const [busy, setBusy] = useState(false);
  const [matches, setMatches] = useState<ReportSummary[]>([]);
  const [followed, setFollowed] = useState<{ report: ReportDetail; noted: boolean } | null>(null);
  const [offer, setOffer] = useState<ReportDraft | null>(null);
  const [queued, setQueued] = useState<Queued | null>(null);
  // The neighbour's report was shown for this building and category and the person chose 仍然提交.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  // Made once for this form (or kept from its draft): every retry of the same report carries it, so the server files it once.
  const [requestId, setRequestId] = useState(newRequestId);
  const photos = useDraftPhotos();
  const voice = useVoiceNote();

  const personId = load.status === 'ready' ? load.personId : null;
  // Off until a kept draft has been continued or discarded, and once the report is filed or followed.
  const keeping = useRef(false);
  // A filing waits from before: sent again once the page listens for how it settles.
  const retryOnOpen = useRef(false);
  const stepNow = useRef(step);
  stepNow.current = step;

  const snapshot = (): Omit<ReportDraft, 'savedAt'> => ({
    requestId,
    unitId,
    category: category?.code ?? null,
    description,
    location,
    anonymous,
    photos: photos.forDraft,
  });
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const saveNow = useCallback(() => {
    if (keeping.current && personId) writeDraft(personId, latest.current());
  }, [personId]);

  // Every change is written at once (a few hundred bytes): a page that goes, a tab that is closed or
  // an app that is killed in the background gets no moment to write a draft it still owed.
  const photoKey = JSON.stringify(photos.forDraft);
  useEffect(saveNow, [saveNow, requestId, unitId, category, description, location, anonymous, photoKey]);

  const applyDraft = (d: Pick<ReportDraft, 'requestId' | 'unitId' | 'category' | 'description' | 'location' | 'anonymous' | 'photos'>, ready: Extract<Load, { status: 'ready' }>) => {
    const cat = ready.categories.find((c) => c.code === d.category) ?? null;
    setRequestId(d.requestId);
    if (d.unitId && ready.buildings.some((b) => b.unitId === d.unitId)) setUnitId(d.unitId);
    setCategory(cat);
    setDescription(d.description);
    setLocation(d.location);
    setAnonymous(d.anonymous);
    photos.restore(d.photos);
    setStep(cat ? 'details' : 'category');
  };

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
    const me = who.data.person.id;
    setUnitId((u) => u ?? buildings[0].unitId);
    setLoad({ status: 'ready', personId: me, buildings, categories: cats.data.categories });
    const waiting = queuedFor(me);
    const draft = readDraft(me);
    if (waiting) {
      // The draft has the photos to show; without one (storage refused it) the queued input has the words.
      const { input } = waiting;
      const fromInput = { requestId: input.clientRequestId, unitId: input.unitId, category: input.category, description: input.description ?? '', location: input.location ?? '', anonymous: !!input.anonymous, photos: [] };
      applyDraft(draft?.requestId === input.clientRequestId ? draft : fromInput, { status: 'ready', personId: me, buildings, categories: cats.data.categories });
      keeping.current = true;
      setQueued(waiting);
      setStep('queued');
      watchNetwork();
      retryOnOpen.current = true;
    } else if (draft && !isEmptyDraft(draft)) {
      setOffer(draft);
      setStep('draft');
    } else keeping.current = true;
  }, []);

  useLoad(() => {
    void start();
  });

  // A waiting filing settled while this form shows it (the network came back, or 现在重试).
  useEffect(() => {
    if (!personId) return undefined;
    return onFilingSettled((who, id, outcome) => {
      if (who !== personId || stepNow.current !== 'queued') return false;
      if (outcome.status === 'filed') {
        keeping.current = false;
        void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
        replaceWith(reportUrl(outcome.report.id));
      } else if (outcome.status === 'refused') refused(outcome.failure);
      else {
        setBusy(false);
        // The latest reason (no network, too slow, the function failed) is what the screen says.
        setQueued(queuedFor(personId));
      }
      return true;
    });
  }, [personId]);
  // Reopening the form is one of the moments a waiting filing is sent again: once the listener above is on.
  useEffect(() => {
    if (step !== 'queued' || !personId || !retryOnOpen.current) return;
    retryOnOpen.current = false;
    void retryQueued(personId);
  }, [step, personId]);

  const refused = (failure: ClientFailure) => {
    setBusy(false);
    if (isSessionLost(failure)) return goToLogin(failure.message);
    setStep('details');
    setNotResident(failure.code === 'REPORT.NOT_RESIDENT');
    if (failure.field === 'description') setDescriptionError(failure.message);
    else setError(failure.message);
  };

  const pickCategory = (c: Category) => {
    setCategory(c);
    setError(null);
    setStep('details');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const create = async () => {
    if (!unitId || !category || !personId) return;
    setBusy(true);
    setError(null);
    // On the phone before it goes: if the answer never comes, the draft and the queue hold it.
    saveNow();
    const outcome = await fileReport(personId, {
      clientRequestId: requestId,
      unitId,
      category: category.code,
      description: description.trim() || undefined,
      location: location.trim() || undefined,
      photos: photos.ids.length ? photos.ids : undefined,
      voice: voice.id ?? undefined,
      anonymous,
      photosPublic: photos.ids.length > 0 && photosPublic && !anonymous ? true : undefined,
    });
    if (outcome.status === 'filed') {
      keeping.current = false;
      setBusy(false);
      void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
      replaceWith(reportUrl(outcome.report.id));
    } else if (outcome.status === 'queued') {
      setBusy(false);
      setQueued(queuedFor(personId));
      setStep('queued');
    } else refused(outcome.failure);
  };

  const submit = async () => {
    if (busy || !unitId || !category) return;
    // A voice note says what the words would: then no words are needed.
    const problem = voice.id && !description.trim() ? null : checkReportDescription(description);
    setDescriptionError(problem);
    if (problem) return;
    if (photos.uploading) return setError('照片还在上传，请稍等一下再提交');
    if (voice.phase !== 'idle' && voice.phase !== 'kept') return setError('语音还在录或还在上传，请稍等一下再提交');
    // From the tap itself, before any await (WeChat shows its panel only then: services/subscribe.ts), and only
    // once the form is fit to file: a tap refused for a too-long text asks nothing.
    void askForNotices('reportFiled');

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
    if (busy || !personId) return;
    setBusy(true);
    setError(null);
    const note = description.trim();
    const result = await followReport(report.id, note);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    // Followed is as good as filed: the draft is done with.
    keeping.current = false;
    endDraft(personId);
    setFollowed({ report: result.data, noted: note.length > 0 });
    setStep('followed');
    void Taro.showToast({ title: '已跟进', icon: 'success', duration: 1500 });
  };

  const submitAnyway = async () => {
    if (unitId && category) setConfirmedFor(`${unitId}|${category.code}`);
    await create();
  };

  const continueDraft = () => {
    if (!offer || load.status !== 'ready') return;
    applyDraft(offer, load);
    if (offer.problem) setError(`上次没能提交：${offer.problem}`);
    setOffer(null);
    keeping.current = true;
  };

  const discardDraft = async () => {
    if (!personId) return;
    const sure = await Taro.showModal({ title: '放弃草稿？', content: '草稿里写的内容和照片都会删掉。', confirmText: '放弃', cancelText: '留着' }).catch(() => null);
    if (!sure?.confirm) return;
    endDraft(personId);
    setOffer(null);
    setRequestId(newRequestId());
    setStep('category');
    keeping.current = true;
  };

  const retryNow = () => {
    if (!personId || busy) return;
    setBusy(true);
    void retryQueued(personId).then((o) => {
      setBusy(false);
      if (o?.status === 'queued') void Taro.showToast({ title: '还是连不上网络，联网后会自动提交', icon: 'none', duration: 2500 });
    });
  };

  const editQueued = () => {
    if (!personId) return;
    dropQueued(personId);
    setQueued(null);
    setStep('details');
  };

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <Failed message={load.message} onRetry={() => void start()} />;
  if (load.status === 'noBuilding') return <NoBuilding howTo={load.howTo} isHandler={load.isHandler} />;

  const building = load.buildings.find((b) => b.unitId === unitId) ?? load.buildings[0];

  if (step === 'draft' && offer) {
    const cat = load.categories.find((c) => c.code === offer.category) ?? null;
    return <DraftOffer draft={offer} category={cat} onContinue={continueDraft} onDiscard={() => void discardDraft()} />;
  }
  if (step === 'queued' && queued) {
    const cat = load.categories.find((c) => c.code === queued.input.category);
    return <QueuedFiling queued={queued} categoryName={cat ? `${cat.icon} ${cat.name}` : null} busy={busy} onRetry={retryNow} onEdit={editQueued} />;
  }
  if (step === 'followed' && followed) return <Followed report={followed.report} noted={followed.noted} />;
  if (step === 'similar' && matches.length > 0) {
    return (
      <SimilarOffer
        report={matches[0]}
        note={description.trim()}
        photoCount={photos.ids.length}
        busy={busy}
        error={error}
        onFollow={() => void follow(matches[0])}
        onFileAnyway={() => void submitAnyway()}
        onBack={() => setStep('details')}
      />
    );
  }

  if (step === 'category') {
    return <CategoryStep buildings={load.buildings} unitId={unitId} onUnit={setUnitId} categories={load.categories} picked={category?.code} onPick={pickCategory} />;
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

      <DescriptionBox
        value={description}
        onChange={(v) => {
          setDescription(v);
          if (descriptionError) setDescriptionError(checkReportDescription(v));
        }}
        error={descriptionError}
      />
      <VoiceNote state={voice} />
      <LineInput
        label='在楼里什么位置'
        optional
        value={location}
        onChange={setLocation}
        placeholder='例如：3单元 电梯'
        maxLength={LOCATION_MAX}
      />
      <PhotoPicker state={photos} />
      <PublicChoices hasPhotos={photos.ids.length > 0} photosPublic={photosPublic} onPhotosPublic={setPhotosPublic} anonymous={anonymous} onAnonymous={setAnonymous} />
      <Text className='muted report-new__kept'>写到一半离开也没关系，内容会保存在手机上，提交或放弃前都在。</Text>

      <View className='actions'>
        <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交反映'}
        </Button>
      </View>
    </Screen>
  );
}
