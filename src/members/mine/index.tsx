/**
 * 我的报到: the member's check-ins, the newest on top with what it means and the one thing to do about
 * it — waiting (who decides), through, returned (the reason, and 重新报到 with the same code), transferred
 * out or withdrawn (the day and the reason); then its history, and earlier check-ins (a member who moved
 * keeps them). Opened after checking in and from 我的.
 */
import { Text } from '@tarojs/components';
import type { CheckinView } from '../../core/api';
// The status card (and NutUI's button) before the chips: their styles in the order the other pages have them.
import { EarlierRecords, StatusAction, StatusCard, StatusFailed, StatusNone, StatusRow as Row } from '../../components/StatusCard';
import { CheckinChip } from '../../components/CheckinChip';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { usesPasswordSignIn } from '../../services/api';
import { myCheckins } from '../../services/members';
import { goHome, goToLogin, replaceWith, scanToJoin } from '../../utils/nav';
import { formatDay, formatWhen } from '../../utils/time';
import { useReadOnShow } from '../../utils/useLoadOnShow';
import { checkinUrl } from '../urls';
import { History } from './History';
import '../../register/register.scss';
import '../members.scss';

/** What the status means for the member, in a sentence. */
function saying(c: CheckinView): string {
  switch (c.status) {
    case 'pending':
      return `请等待${c.unit.name}的党支部书记审核（直管党员由社区书记审核）。审核后这里会显示结果。`;
    case 'approved':
      return `报到成功，您已是${c.unit.name}的报到党员。`;
    case 'returned':
      return '报到被退回了。请按原因改正后重新报到，或联系党支部书记问一问。';
    case 'transferred_out':
      return `您已从${c.unit.name}转出${c.endedOn ? `（${c.endedOn}）` : ''}。到新的地方请扫那里的报到码重新报到，以前的记录都留着。`;
    case 'withdrawn':
      return `您在${c.unit.name}的报到已撤回${c.endedOn ? `（${c.endedOn}）` : ''}。需要的话可以重新扫码报到，以前的记录都留着。`;
  }
}

const orNone = (list: string[]) => (list.length ? list.join('、') : '未填写');

export default function MyCheckins() {
  const { state, load } = useReadOnShow(myCheckins);

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'failed') {
    // AUTH.REQUIRED: a browser that neither signed in nor stands in for WeChat has nobody to show.
    const nobody = state.code === 'AUTH.REQUIRED';
    return <StatusFailed message={state.message} instead={nobody && usesPasswordSignIn() ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  const [latest, ...earlier] = state.data.checkins;

  if (!latest) {
    return <StatusNone title='我的报到' say={`您还没有报到。${state.data.howToCheckIn}。`} action='扫码报到' onAction={() => void scanToJoin()} />;
  }

  const ended = latest.status === 'transferred_out' || latest.status === 'withdrawn';

  return (
    <Screen className='join status-page'>
      <Text className='status-page__title page-title'>我的报到</Text>
      <StatusCard
        chip={<CheckinChip status={latest.status} />}
        say={saying(latest)}
        reason={latest.reason && latest.status !== 'approved' ? `${latest.status === 'returned' ? '退回原因' : '原因'}：${latest.reason}` : null}
      >
        <Row label='报到的地方' value={latest.trail} />
        <Row label='姓名' value={latest.name} />
        <Row label='党员类型' value={`${latest.memberTypeLabel}党员${latest.veteran ? '，退役军人' : ''}`} />
        <Row label='组织关系所在党支部' value={latest.branch.place ? `${latest.branch.name}（${latest.branch.place}）` : latest.branch.name} />
        <Row label='手机号' value={`${latest.phone}（${latest.phoneVerified ? '微信验证' : '自己填写'}）`} />
        {latest.workUnit && <Row label='工作单位' value={latest.workUnit} />}
        <Row label='特长' value={orNone(latest.skills)} />
        <Row label='愿意做的服务' value={orNone(latest.services)} />
        {latest.freeTime && <Row label='有空的时间' value={latest.freeTime} />}
        {latest.household && <Row label='住址' value={`${latest.household.building.name} ${latest.household.doorLabel}`} />}
        <Row label={latest.decidedAt ? '审核时间' : '提交时间'} value={formatWhen(latest.decidedAt ?? latest.createdAt)} />
      </StatusCard>

      {latest.status === 'pending' && (
        <StatusAction onClick={() => void load()}>
          刷新看看
        </StatusAction>
      )}
      {latest.status === 'approved' && (
        <StatusAction onClick={goHome}>
          回到首页
        </StatusAction>
      )}
      {latest.status === 'returned' && (
        <StatusAction onClick={() => replaceWith(checkinUrl(latest.codeId))}>
          重新报到
        </StatusAction>
      )}
      {ended && (
        <StatusAction onClick={() => void scanToJoin()}>
          扫码重新报到
        </StatusAction>
      )}

      <History changes={latest.history} />

      <EarlierRecords
        title='以前的报到'
        records={earlier.map((c) => ({
          id: c.id,
          chip: <CheckinChip status={c.status} />,
          where: c.trail,
          line: `${formatDay(c.createdAt)} 报到${c.endedOn ? `，${c.endedOn} ${c.statusLabel}` : ''}${c.reason ? `，原因：${c.reason}` : ''}`,
        }))}
      />
    </Screen>
  );
}
