/**
 * 心愿详情 (`?id=<wishId>`, the page notices link to): the wish — what, for whom, by when, the compound —
 * with its status in words and what it means for the reader, the steps it has gone through, and what
 * the reader may do now (the server's `can`): a member or volunteer claims it; the claimer then reads
 * how to reach the wisher (the lead's name and phone, the wisher's phone if shared, the door) and
 * fulfils it with a note and photos, or gives it back with a reason; the wisher (or whoever posted it,
 * or their lead) confirms it, or withdraws it. A refusal (taken by someone else first, changed
 * meanwhile) is said in the server's words above the wish, and the wish is read again.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { WishView } from '../../core/api';
// The status card (and NutUI's button) before the photos: their styles in the order the other pages have them.
import { StatusCard, StatusFailed, StatusRow } from '../../components/StatusCard';
import { Loading } from '../../components/PageStatus';
import { usePhotos } from '../../components/Photos';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn, whoAmI, type ClientFailure } from '../../services/api';
import { claimWish, confirmWish, fulfilWish, giveBackWish, wishDetail, withdrawWish } from '../../services/wishes';
import { goToLogin, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { WishChip } from '../Chip';
import { WishSteps } from '../Steps';
import { claimsWishes } from '../who';
import { byDateLine, saying, type Viewer } from '../words';
import { Actions } from './Actions';
import { Contact } from './Contact';
import { Fulfilled } from './Fulfilled';
import { FulfilScreen, NOTE_MAX } from './FulfilScreen';
import { GIVE_BACK_REASON_MAX, GiveBackScreen } from './GiveBackScreen';
import '../wishes.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'ready'; wish: WishView; personId: string | null; claimer: boolean };
type Note = { tone: 'error' | 'info'; text: string } | null;
type Mode = 'view' | 'fulfil' | 'giveBack';

function viewerOf(w: WishView, personId: string | null): Viewer {
  if (personId && w.claimer?.id === personId) return 'claimer';
  if ((personId && w.postedBy?.id === personId) || w.can.confirm || w.can.withdraw) return 'wisher';
  return 'other';
}

export default function WishDetail() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const photos = usePhotos();

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪一个心愿，请从微心愿里点开' });
    const [detail, who] = await Promise.all([wishDetail(id), whoAmI()]);
    if (!detail.ok) {
      if (isSessionLost(detail)) return goToLogin(detail.message);
      return setState({ status: 'failed', code: detail.code, message: detail.message });
    }
    const me = who.ok && who.data.registered ? who.data : null;
    setState({ status: 'ready', wish: detail.data, personId: me?.person.id ?? null, claimer: me !== null && claimsWishes(me) });
  }, [id]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  const { wish, personId } = state;
  const ref = { id: wish.id, version: wish.version };
  const say = (tone: 'error' | 'info', t: string) => {
    setNote({ tone, text: t });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  /** Done: the wish as it is now, and what came of it. */
  const done = (next: WishView, words: string) => {
    setState({ ...state, wish: next });
    setMode('view');
    setText('');
    setTextError(null);
    setFormError(null);
    say('info', words);
  };

  /** Refused: in the server's words, on the screen the person is on; the wish read again (it may have changed). */
  const refused = (failure: ClientFailure, onForm = false) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (onForm) return setFormError(failure.message);
    say('error', failure.message);
    void load();
  };

  const ask = async (title: string, content: string, confirmText: string) =>
    (await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#c62f2f' })).confirm;

  const claim = async () => {
    if (busy || !(await ask('认领心愿', '认领后请尽快联系心愿人，在约定的日子前帮他实现。确定认领吗？', '认领'))) return;
    setBusy(true);
    const r = await claimWish(wish.id);
    setBusy(false);
    if (r.ok) done(r.data, '认领成功！请尽快联系心愿人，联系方式在下面。');
    else refused(r);
  };

  const fulfil = async () => {
    if (busy) return;
    const n = text.trim();
    const problem = !n ? '请写一写是怎么实现的' : n.length > NOTE_MAX ? `最多 ${NOTE_MAX} 个字` : null;
    setTextError(problem);
    if (problem) return setFormError('还有内容没有填好，请看红字提示');
    if (photos.uploading) return setFormError('照片还在上传，请稍等一下再提交');
    setBusy(true);
    const r = await fulfilWish(ref, n, photos.ids);
    setBusy(false);
    if (r.ok) {
      photos.reset();
      done(r.data, '已提交，谢谢您！');
    } else refused(r, r.code.startsWith('INPUT.'));
  };

  const giveBack = async () => {
    if (busy) return;
    const reason = text.trim();
    if (reason.length > GIVE_BACK_REASON_MAX) return setTextError(`原因最多 ${GIVE_BACK_REASON_MAX} 个字`);
    setBusy(true);
    const r = await giveBackWish(ref, reason);
    setBusy(false);
    if (r.ok) done(r.data, '已退回，心愿重新公开了，等别人认领。');
    else refused(r, r.code.startsWith('INPUT.'));
  };

  const confirm = async () => {
    if (busy || !(await ask('确认已实现', '心愿已经实现了吗？确认后认领人会得到积分。', '确认'))) return;
    setBusy(true);
    const r = await confirmWish(ref);
    setBusy(false);
    if (r.ok) done(r.data, '已确认，谢谢您！');
    else refused(r);
  };

  const withdraw = async () => {
    if (busy || !(await ask('撤回心愿', '撤回后心愿不再公开，认领的人也不用再帮忙了。确定撤回吗？', '撤回'))) return;
    setBusy(true);
    const r = await withdrawWish(ref);
    setBusy(false);
    if (r.ok) done(r.data, '心愿已撤回。');
    else refused(r);
  };

  const back = () => {
    setMode('view');
    setText('');
    setTextError(null);
    setFormError(null);
  };
  const typed = (v: string) => {
    setText(v);
    setTextError(null);
  };

  if (mode === 'fulfil') {
    return <FulfilScreen what={wish.what} note={text} onNote={typed} photos={photos} error={formError} noteError={textError} busy={busy} onSubmit={() => void fulfil()} onCancel={back} />;
  }
  if (mode === 'giveBack') {
    return <GiveBackScreen what={wish.what} reason={text} onReason={typed} error={formError} reasonError={textError} busy={busy} onConfirm={() => void giveBack()} onCancel={back} />;
  }

  const viewer = viewerOf(wish, personId);
  const known = viewer !== 'other';

  return (
    <Screen className='wishes wdetail'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='wdetail__what page-title'>{wish.what}</Text>
      <StatusCard chip={<WishChip wish={wish} />} say={saying(wish, viewer)} reason={wish.rejectReason ? `未通过的原因：${wish.rejectReason}` : null}>
        <StatusRow label='为谁' value={wish.forWhom} />
        <StatusRow label='日期' value={byDateLine(wish)} />
        <StatusRow label='小区' value={wish.place} />
        {known && wish.postedVia === 'lead' && wish.postedBy && <StatusRow label='代许' value={`由${wish.postedBy.name}代许`} />}
        {known && wish.claimer && <StatusRow label='认领人' value={wish.claimer.name} />}
      </StatusCard>
      <Fulfilled wish={wish} />
      {wish.contact && <Contact contact={wish.contact} />}
      <Actions
        wish={wish}
        claimer={state.claimer}
        busy={busy}
        onClaim={() => void claim()}
        onFulfil={() => setMode('fulfil')}
        onGiveBack={() => setMode('giveBack')}
        onConfirm={() => void confirm()}
        onWithdraw={() => void withdraw()}
      />
      <WishSteps wish={wish} />
    </Screen>
  );
}
