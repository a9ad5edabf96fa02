/**
 * 认领需求 (`?partner=<partnerId>&id=<needId>`): an open need of a community the partner works with —
 * what, where, of what kind, where it came from — and 认领: a note for the community (optional), then a
 * confirm. Claimed, it becomes a project waiting for the community's acceptance (双向认领). Of two partners
 * claiming at once one wins: the other reads, kindly, that someone was a moment quicker, and goes on to
 * the other needs. The client request id is made once for this page: a retried tap is one claim.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyPartner, NeedView, ProjectView } from '../../core/api';
import { Button } from '../../components/nut';
import { StatusCard, StatusFailed, StatusRow } from '../../components/StatusCard';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn } from '../../services/api';
import { claimNeed, myPartners } from '../../services/partners';
import { goToLogin, readParam, replaceWith } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { formatDay } from '../../utils/time';
import { NeedChip, ProjectChip } from '../Chips';
import { PARTNER_PAGES, projectUrl } from '../urls';
import '../partners.scss';

const NOTE_MAX = 200;

type State =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  /** The need is no longer open to us (claimed meanwhile, withdrawn, or not of our communities). */
  | { status: 'gone'; message: string }
  | { status: 'ready'; mine: MyPartner; need: NeedView };

/** Back to 我的共建单位, which reads itself again; opened straight (a link), there is nothing to go back to. */
function backToList(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack({ delta: 1 }).catch(() => replaceWith(PARTNER_PAGES.index));
  else replaceWith(PARTNER_PAGES.index);
}

function Gone({ message }: { message: string }) {
  return (
    <Screen className='partners'>
      <View className='card ptaken'>
        <Text className='partners__title page-title'>来晚了一步</Text>
        <Text className='partners__say'>{message}</Text>
        <Text className='partners__say'>谢谢你们的热心！社区还有其他需求，也可以提供资源等社区来申请。</Text>
      </View>
      <Button className='partners__action' type='primary' size='large' block onClick={() => replaceWith(PARTNER_PAGES.index)}>
        看看其他需求
      </Button>
    </Screen>
  );
}

function Claimed({ project, onProject }: { project: ProjectView; onProject: () => void }) {
  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>✓ 已认领</Text>
      <StatusCard chip={<ProjectChip project={project} />} say={`已告诉${project.community.name}。社区确认后项目就开始了，会通知您；您是我方的负责人。`}>
        <StatusRow label='项目' value={project.title} />
        <StatusRow label='社区' value={project.community.name} />
      </StatusCard>
      <Button className='partners__action' type='primary' size='large' block onClick={onProject}>
        查看项目
      </Button>
      <View className='partners__links'>
        <View className='partners__link' role='link' hoverClass='partners__link--pressed' onClick={() => replaceWith(PARTNER_PAGES.index)}>
          <Text>回到我的共建单位 ›</Text>
        </View>
      </View>
    </Screen>
  );
}

export default function ClaimNeed() {
  const router = useRouter();
  const partnerId = readParam(router.params?.partner) ?? '';
  const needId = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [claimed, setClaimed] = useState<ProjectView | null>(null);
  // Made once for this page: every retry of the same claim carries the same id.
  const [requestId] = useState(newRequestId);

  const load = useCallback(async () => {
    if (!partnerId || !needId) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪一项需求，请从“我的共建单位”里点开' });
    const r = await myPartners();
    if (!r.ok) {
      if (isSessionLost(r)) return goToLogin(r.message);
      return setState({ status: 'failed', code: r.code, message: r.message });
    }
    const mine = r.data.partners.find((m) => m.partner.id === partnerId);
    if (!mine) return setState({ status: 'failed', code: 'PARTNER.NOT_YOURS', message: '您不是这家共建单位的联络人或在职党员，不能替它认领' });
    const need = mine.openNeeds.find((n) => n.id === needId);
    if (!need) return setState({ status: 'gone', message: '这项需求已经不在待认领的需求里了：可能刚被另一家共建单位认领，或社区已经撤回。' });
    setState({ status: 'ready', mine, need });
  }, [partnerId, needId]);

  // Read each time it shows, but never over a claim just made.
  useLoadOnShow(useCallback(async () => (claimed ? undefined : load()), [claimed, load]));

  if (claimed) return <Claimed project={claimed} onProject={() => replaceWith(projectUrl(claimed.id))} />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }
  if (state.status === 'gone') return <Gone message={state.message} />;

  const { mine, need } = state;

  const claim = async () => {
    if (busy) return;
    const n = note.trim();
    if (n.length > NOTE_MAX) return setNoteError(`认领说明最多 ${NOTE_MAX} 个字`);
    const asked = await Taro.showModal({
      title: '认领需求',
      content: `以“${mine.partner.name}”的名义认领“${need.title}”？社区确认后项目开始，您是我方的负责人。`,
      confirmText: '认领',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    });
    if (!asked.confirm) return;
    setBusy(true);
    const r = await claimNeed({ clientRequestId: requestId, needId: need.id, partnerId: mine.partner.id, note: n });
    setBusy(false);
    if (r.ok) {
      void Taro.showToast({ title: '已认领', icon: 'success', duration: 1500 });
      return setClaimed(r.data.project);
    }
    if (isSessionLost(r)) return goToLogin(r.message);
    // Another partner was quicker, or the community withdrew it: said kindly, with the way on.
    if (r.code === 'NEED.TAKEN' || r.code === 'NEED.NOT_ALLOWED' || r.code === 'NEED.NOT_FOUND') return setState({ status: 'gone', message: r.message });
    if (r.field === 'note') setNoteError(r.message);
    setError(r.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <Screen className='partners'>
      {error && <Text className='message message--error'>{error}</Text>}
      <Text className='partners__title page-title'>{need.title}</Text>
      <StatusCard chip={<NeedChip need={need} />} say={need.can.claim ? '这项需求正在等共建单位认领。' : '这项需求正在等共建单位认领，但您现在不能替这家单位认领。'}>
        <StatusRow label='需要' value={need.kindLabel} />
        <StatusRow label='地点' value={need.trail} />
        <StatusRow label='来源' value={need.sourceLabel} />
        <StatusRow label='发布' value={formatDay(need.createdAt)} />
      </StatusCard>
      <View className='card'>
        <Text className='section-title'>需求说明</Text>
        <Text className='partners__text'>{need.description}</Text>
      </View>
      {need.can.claim && (
        <>
          <View className='card'>
            <TextBox
              label='给社区说一句'
              optional
              value={note}
              onChange={(v) => {
                setNote(v);
                setNoteError(null);
              }}
              maxLength={NOTE_MAX}
              placeholder='例如：我们有 5 名志愿者，每周六上午可以来'
              error={noteError}
            />
          </View>
          <Text className='partners__say'>{`以“${mine.partner.name}”的名义认领。社区确认后项目开始，您是我方的负责人。`}</Text>
          <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={() => void claim()}>
            {busy ? '正在认领…' : '认领这项需求'}
          </Button>
        </>
      )}
      <View className='partners__links'>
        <View className='partners__link' role='link' hoverClass='partners__link--pressed' onClick={backToList}>
          <Text>‹ 回到我的共建单位</Text>
        </View>
      </View>
    </Screen>
  );
}
