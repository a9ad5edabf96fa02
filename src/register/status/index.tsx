/**
 * 我的登记: the applicant's registrations, the newest on top with the one thing to do about it:
 * waiting (who decides: the building's lead), through (go home, or sign in with the web account),
 * turned away (the reason, and 重新登记 with the same code). Opened after submitting (with `?code=`,
 * the code it was made from) and from home / 我的 for someone not in yet.
 */
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { RegistrationView } from '../../core/api';
// The status card (and NutUI's button) before the chips: their styles in the order the other pages have them.
import { EarlierRecords, StatusAction, StatusCard, StatusFailed, StatusNone, StatusRow as Row } from '../../components/StatusCard';
import { Loading } from '../../components/PageStatus';
import { RegistrationChip } from '../../components/RegistrationChip';
import { Screen } from '../../components/Screen';
import { hasSession, usesPasswordSignIn } from '../../services/api';
import { codeOfRegistration, myRegistrations } from '../../services/registration';
import { goHome, goToLogin, joinUrl, readParam, replaceWith, scanToJoin } from '../../utils/nav';
import { formatDay, formatWhen } from '../../utils/time';
import { useReadOnShow } from '../../utils/useLoadOnShow';
import '../register.scss';

/** What the status means for the person, in a sentence. */
function saying(r: RegistrationView, webAccount: boolean): string {
  switch (r.status) {
    case 'pending':
      return `请等待${r.building.name}的楼栋长审核（楼栋长不在时由社区审核）。审核后这里会显示结果，也可以直接联系楼栋长。`;
    case 'approved':
      if (r.autoApproved === 'verified_phone') return '您的微信手机号和社区登记的一致，已自动通过。';
      if (webAccount) return `审核已通过。请用手机号 ${r.phone} 和登记时设的密码登录。`;
      return `审核已通过，您已是${r.building.name}的居民。`;
    case 'rejected':
      return '没有通过审核。可以按原因改正后重新登记，或联系楼栋长问一问。';
  }
}

export default function RegistrationStatus() {
  const router = useRouter();
  const fromCode = readParam(router.params?.code);
  const { state, load } = useReadOnShow(myRegistrations);

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'failed') {
    // AUTH.REQUIRED: a browser that neither signed in nor registered here has nothing to show.
    const nobody = state.code === 'AUTH.REQUIRED';
    return (
      <StatusFailed message={state.message} instead={nobody ? { words: '扫码登记', onClick: () => void scanToJoin() } : null} onRetry={() => void load()}>
        {nobody && usesPasswordSignIn() && (
          <Text className='join__back' onClick={() => goToLogin()}>
            已有账号？去登录
          </Text>
        )}
      </StatusFailed>
    );
  }

  const [latest, ...earlier] = state.data.registrations;

  if (!latest) {
    return (
      <StatusNone
        title='我的登记'
        say='您还没有登记。扫楼栋长或社区给的楼栋码，填写姓名、门牌和电话，楼栋长审核后就能使用。'
        action='扫码登记'
        onAction={() => void scanToJoin()}
      />
    );
  }

  // A browser applicant without an account yet signs in once approved; everyone else is in already.
  const webAccount = usesPasswordSignIn() && !hasSession();
  const again = fromCode ?? latest.codeId ?? codeOfRegistration(latest.id);

  return (
    <Screen className='join status-page'>
      <Text className='status-page__title page-title'>我的登记</Text>
      <StatusCard
        chip={<RegistrationChip status={latest.status} />}
        say={saying(latest, webAccount)}
        reason={latest.status === 'rejected' ? `原因：${latest.rejectReason ?? '没有写明'}` : null}
      >
        <Row label='登记的楼栋' value={latest.trail} />
        <Row label='门牌' value={latest.doorLabel || '未填写'} />
        <Row label='姓名' value={latest.name} />
        <Row label='手机号' value={`${latest.phone}（${latest.phoneVerified ? '微信验证' : '自己填写'}）`} />
        <Row label={latest.decidedAt ? '审核时间' : '提交时间'} value={formatWhen(latest.decidedAt ?? latest.createdAt)} />
      </StatusCard>

      {latest.status === 'pending' && (
        <StatusAction onClick={() => void load()}>
          刷新看看
        </StatusAction>
      )}
      {latest.status === 'approved' &&
        (webAccount ? (
          <StatusAction onClick={() => goToLogin('审核已通过，请用登记的手机号和密码登录')}>
            去登录
          </StatusAction>
        ) : (
          <StatusAction onClick={goHome}>
            回到首页
          </StatusAction>
        ))}
      {latest.status === 'rejected' && (
        <StatusAction onClick={() => (again ? replaceWith(joinUrl(again)) : void scanToJoin())}>
          {again ? '重新登记' : '扫码重新登记'}
        </StatusAction>
      )}

      <EarlierRecords
        title='以前的登记'
        records={earlier.map((r) => ({
          id: r.id,
          chip: <RegistrationChip status={r.status} />,
          where: `${r.trail} ${r.doorLabel}`,
          line: `${formatDay(r.createdAt)} 提交${r.rejectReason ? `，原因：${r.rejectReason}` : ''}`,
        }))}
      />
    </Screen>
  );
}
