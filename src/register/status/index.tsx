/**
 * 我的登记: the applicant's registrations, the newest on top with the one thing to do about it:
 * waiting (who decides: the building's lead), through (go home, or sign in with the web account),
 * turned away (the reason, and 重新登记 with the same code). Opened after submitting (with `?code=`,
 * the code it was made from) and from home / 我的 for someone not in yet.
 */
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RegistrationView } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { RegistrationChip } from '../../components/RegistrationChip';
import { Screen } from '../../components/Screen';
import { EarlierRecords, StatusCard, StatusRow as Row } from '../../components/StatusCard';
import { hasSession, usesPasswordSignIn } from '../../services/api';
import { codeOfRegistration, myRegistrations } from '../../services/registration';
import { goHome, goToLogin, joinUrl, readParam, replaceWith, scanToJoin } from '../../utils/nav';
import { formatDay, formatWhen } from '../../utils/time';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import '../register.scss';

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; registrations: RegistrationView[] };

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
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const result = await myRegistrations();
    if (result.ok) setState({ status: 'ready', registrations: result.data.registrations });
    else setState({ status: 'failed', code: result.code, message: result.message });
  }, []);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'failed') {
    // AUTH.REQUIRED: a browser that neither signed in nor registered here has nothing to show.
    const nobody = state.code === 'AUTH.REQUIRED';
    return (
      <Screen className='join'>
        <Text className='message message--error'>{state.message}</Text>
        {nobody ? (
          <Button className='join__action' type='primary' size='large' block onClick={() => void scanToJoin()}>
            扫码登记
          </Button>
        ) : (
          <Button className='join__action' type='primary' size='large' block onClick={() => void load()}>
            重新加载
          </Button>
        )}
        {nobody && usesPasswordSignIn() && (
          <Text className='join__back' onClick={() => goToLogin()}>
            已有账号？去登录
          </Text>
        )}
      </Screen>
    );
  }

  const [latest, ...earlier] = state.registrations;

  if (!latest) {
    return (
      <Screen className='join'>
        <Text className='status-page__title page-title'>我的登记</Text>
        <View className='card'>
          <Text className='status-card__say'>您还没有登记。扫楼栋长或社区给的楼栋码，填写姓名、门牌和电话，楼栋长审核后就能使用。</Text>
        </View>
        <Button className='join__action' type='primary' size='large' block onClick={() => void scanToJoin()}>
          扫码登记
        </Button>
      </Screen>
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
        <Button className='join__action' type='primary' size='large' block onClick={() => void load()}>
          刷新看看
        </Button>
      )}
      {latest.status === 'approved' &&
        (webAccount ? (
          <Button className='join__action' type='primary' size='large' block onClick={() => goToLogin('审核已通过，请用登记的手机号和密码登录')}>
            去登录
          </Button>
        ) : (
          <Button className='join__action' type='primary' size='large' block onClick={goHome}>
            回到首页
          </Button>
        ))}
      {latest.status === 'rejected' && (
        <Button className='join__action' type='primary' size='large' block onClick={() => (again ? replaceWith(joinUrl(again)) : void scanToJoin())}>
          {again ? '重新登记' : '扫码重新登记'}
        </Button>
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
