/**
 * 共建项目 (`?id=<projectId>`, the page notices link to): a project seen from the partner's side — its
 * status in words and what it means for us, where it came from (a need we claimed, or a resource the
 * community asked for), the owner on each side, its milestones (完成, 添加节点 for an owner while it is
 * active), and when it is done the community's result with photos. When it waits for our side (the
 * community asked), 接受 or 不接受 (with a reason); a project still going can be cancelled with a reason.
 * Only what the server's `can` allows is offered. A refusal is said in the server's words above the
 * project, which is read again (it may have changed).
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MilestoneView, ProjectView } from '../../core/api';
import { Button } from '../../components/nut';
import { StatusCard, StatusFailed, StatusRow } from '../../components/StatusCard';
import { Loading } from '../../components/PageStatus';
import { PhotoGrid } from '../../components/Photos';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn, type ClientFailure } from '../../services/api';
import { acceptProject, addMilestone, cancelProject, declineProject, doneMilestone, projectDetail } from '../../services/partners';
import { goToLogin, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { formatDay } from '../../utils/time';
import { ProjectChip } from '../Chips';
import { projectSaying } from '../words';
import { Milestones } from './Milestones';
import { REASON_MAX, ReasonScreen } from './ReasonScreen';
import '../partners.scss';

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; project: ProjectView };
type Note = { tone: 'error' | 'info'; text: string } | null;
type Mode = 'view' | 'decline' | 'cancel';

const DECLINE_REASONS = ['这段时间人手不够', '这项资源已经安排给别处了', '需要的和我们能提供的不一样'];
const CANCEL_REASONS = ['情况有变，做不了了', '社区那边不需要了', '和社区商量后改成别的项目'];

function Owners({ project }: { project: ProjectView }) {
  return (
    <View className='card'>
      <Text className='section-title'>两方负责人</Text>
      <View className='powner'>
        <Text className='powner__label'>{`社区（${project.community.name}）`}</Text>
        <Text className='powner__name'>{project.communityOwner?.name ?? '社区确认后定'}</Text>
      </View>
      <View className='powner'>
        <Text className='powner__label'>{`我方（${project.partner.name}）`}</Text>
        <Text className='powner__name'>{project.partnerOwner?.name ?? '接受后定'}</Text>
      </View>
    </View>
  );
}

function Result({ project }: { project: ProjectView }) {
  if (!project.result) return null;
  return (
    <View className='card'>
      <Text className='section-title'>项目成效</Text>
      {project.closedAt !== null && <Text className='partners__meta'>{`${formatDay(project.closedAt)}社区结项`}</Text>}
      <Text className='partners__text'>{project.result.text}</Text>
      <PhotoGrid photos={project.result.photos} label='项目照片' />
    </View>
  );
}

export default function ProjectPage() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪一个项目，请从“我的共建单位”里点开' });
    const r = await projectDetail(id);
    if (r.ok) return setState({ status: 'ready', project: r.data });
    if (isSessionLost(r)) return goToLogin(r.message);
    setState({ status: 'failed', code: r.code, message: r.message });
  }, [id]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  const { project } = state;
  const ref = { id: project.id, version: project.version };
  const say = (tone: 'error' | 'info', text: string) => {
    setNote({ tone, text });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };
  const done = (next: ProjectView, words: string) => {
    setState({ status: 'ready', project: next });
    setMode('view');
    setReason('');
    setReasonError(null);
    say('info', words);
  };
  /** Refused: in the server's words; the project read again (it may have changed). */
  const refused = (failure: ClientFailure, onForm = false) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (onForm) return setReasonError(failure.message);
    setMode('view');
    say('error', failure.message);
    void load();
  };
  const ask = async (title: string, content: string, confirmText: string) =>
    (await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#c62f2f' })).confirm;

  const accept = async () => {
    if (busy || !(await ask('接受项目', `接受“${project.title}”？接受后项目开始，您是我方的负责人。`, '接受'))) return;
    setBusy(true);
    const r = await acceptProject(ref);
    setBusy(false);
    if (r.ok) done(r.data, '已接受，项目开始了。可以添加节点，把要做的事分成几步。');
    else refused(r);
  };

  const withReason = async (what: 'decline' | 'cancel') => {
    if (busy) return;
    const text = reason.trim();
    const problem = !text ? '请写一写原因，社区会看到' : text.length > REASON_MAX ? `原因最多 ${REASON_MAX} 个字` : null;
    if (problem) return setReasonError(problem);
    setBusy(true);
    const r = what === 'decline' ? await declineProject(ref, text) : await cancelProject(ref, text);
    setBusy(false);
    if (r.ok) done(r.data, what === 'decline' ? '已告诉社区：这次不接受。' : '项目已取消，已告诉社区。');
    else refused(r, r.code.startsWith('INPUT.'));
  };

  const markDone = async (m: MilestoneView) => {
    if (busy || !(await ask('节点完成', `“${m.title}”已经做完了吗？`, '完成了'))) return;
    setBusy(true);
    const r = await doneMilestone(ref, m.id);
    setBusy(false);
    if (r.ok) done(r.data, `“${m.title}”已完成。`);
    else refused(r);
  };

  const add = async (title: string, dueOn: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    const r = await addMilestone(ref, title, dueOn);
    setBusy(false);
    if (r.ok) {
      done(r.data, `已添加节点“${title}”。`);
      return true;
    }
    refused(r);
    return false;
  };

  const typed = (v: string) => {
    setReason(v);
    setReasonError(null);
  };
  const back = () => {
    setMode('view');
    setReason('');
    setReasonError(null);
  };

  if (mode === 'decline') {
    return (
      <ReasonScreen
        title='不接受这个项目'
        lead={`“${project.title}”。${project.community.name}会看到原因，可以和您再商量。`}
        label='不接受的原因'
        common={DECLINE_REASONS}
        confirm='确定不接受'
        reason={reason}
        onReason={typed}
        error={reasonError}
        busy={busy}
        onConfirm={() => void withReason('decline')}
        onCancel={back}
      />
    );
  }
  if (mode === 'cancel') {
    return (
      <ReasonScreen
        title='取消这个项目'
        lead={`“${project.title}”。取消后${project.need ? '需求会重新开放给其他单位认领，' : ''}${project.community.name}会看到原因。`}
        label='取消的原因'
        common={CANCEL_REASONS}
        confirm='确定取消项目'
        reason={reason}
        onReason={typed}
        error={reasonError}
        busy={busy}
        onConfirm={() => void withReason('cancel')}
        onCancel={back}
      />
    );
  }

  const { can } = project;
  const origin = project.need ? `需求：${project.need.title}` : project.resource ? `资源：${project.resource.title}` : null;

  return (
    <Screen className='partners'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='partners__title page-title'>{project.title}</Text>
      <StatusCard chip={<ProjectChip project={project} />} say={projectSaying(project)} reason={project.reason ? `原因：${project.reason}` : null}>
        <StatusRow label='社区' value={project.community.name} />
        <StatusRow label='单位' value={project.partner.name} />
        <StatusRow label='发起' value={`${project.startedByLabel} · ${formatDay(project.createdAt)}`} />
        {origin && <StatusRow label='来自' value={origin} />}
      </StatusCard>

      {can.accept && (
        <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={() => void accept()}>
          {busy ? '正在提交…' : '接受，开始这个项目'}
        </Button>
      )}
      {can.decline && (
        <Button className='partners__plain' size='large' block disabled={busy} onClick={() => setMode('decline')}>
          不接受
        </Button>
      )}

      <Owners project={project} />
      <Milestones milestones={project.milestones} can={can.milestone} busy={busy} onDone={(m) => void markDone(m)} onAdd={add} />
      <Result project={project} />

      {can.cancel && (
        <View className='partners__links'>
          <View className='partners__link' role='button' hoverClass='partners__link--pressed' onClick={() => !busy && setMode('cancel')}>
            <Text>取消这个项目</Text>
          </View>
        </View>
      )}
    </Screen>
  );
}
