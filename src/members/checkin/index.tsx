/**
 * 党员报到: a party member checks in with the compound's branch (or the community, for 直管 members)
 * whose member code they scanned. Opened from the code landing page with `?code=<id>`, or straight from
 * a mini-program code with `?scene=<id>`. It shows where, then one task a screen (form.ts); the phone
 * last, where in WeChat its button is the submit, as on the join form. Submitted, it opens 我的报到.
 * A person already known fills in faster: their name and phone are there, and the buildings they live
 * in under the unit are offered as their household.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Me, ResolvedCode } from '../../core/api';
import { isCodeId, normaliseCodeId } from '../../core/codes';
import { Button } from '../../components/nut';
import { StepButtons, type PhoneEvent } from '../../components/FormSteps';
// The shared components' styles before the privacy popup's, in the order every other page has them.
import '../../components/components.scss';
import { Loading } from '../../components/PageStatus';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { StopCard } from '../../components/StopCard';
import { useFormSteps } from '../../components/useFormSteps';
import { Screen } from '../../components/Screen';
import { whoAmI } from '../../services/api';
import { resolveCode } from '../../services/codes';
import { submitCheckin } from '../../services/checkins';
import { goToLogin, open, readParam, replaceWith, scanToJoin } from '../../utils/nav';
import { MALFORMED_SCENE, type Refusal } from '../../pages/code/refusal';
import { joinMode } from '../../register/join/form';
import { MEMBER_PAGES } from '../urls';
import { CHECKS, EMPTY_CHECKIN, inputOf, STEPS, stepOfField } from './form';
import { endsTheForm, NOT_A_MEMBER_CODE, SIGN_IN_FIRST, stopOf } from './stops';
import { BranchStep, HomeStep, NameStep, PhoneStep, ServicesStep, SkillsStep, TypeStep, WorkStep, type HomeBuilding } from './Steps';
import '../../register/register.scss';

type Load = { status: 'loading' } | { status: 'stopped'; refusal: Refusal; retry: boolean } | { status: 'ready'; code: ResolvedCode; buildings: HomeBuilding[] };

/** The buildings the person lives in under the code's unit: offered as their household. */
function homesUnder(me: Me | null, code: ResolvedCode): HomeBuilding[] {
  if (!me) return [];
  return me.bindings.filter((b) => b.role === 'resident' && b.unit.kind === 'building' && b.unit.path.startsWith(code.unit.path)).map((b) => ({ id: b.unit.id, name: b.unit.name }));
}

export default function Checkin() {
  const router = useRouter();
  const given = normaliseCodeId(readParam(router.params?.code) ?? readParam(router.params?.scene) ?? '');
  const [mode] = useState(joinMode);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const { step, index, last, form, setForm, set, problems, error, setError, busy, setBusy, typing, note, typeInstead, goTo, checked, refused, wechatPhone } = useFormSteps({
    steps: STEPS,
    empty: EMPTY_CHECKIN,
    checks: CHECKS,
    wechat: mode === 'wechat',
  });

  const look = useCallback(async () => {
    if (!isCodeId(given)) return setLoad({ status: 'stopped', refusal: MALFORMED_SCENE, retry: false });
    // A browser with neither WeChat nor an account has nobody to check in as.
    if (mode === 'web') return setLoad({ status: 'stopped', refusal: SIGN_IN_FIRST, retry: false });
    setLoad({ status: 'loading' });
    const [result, who] = await Promise.all([resolveCode(given), whoAmI()]);
    if (!result.ok) {
      const refusal = stopOf(result);
      return setLoad({ status: 'stopped', refusal, retry: refusal.forward === 'retry' });
    }
    if (result.data.purpose !== 'member') return setLoad({ status: 'stopped', refusal: NOT_A_MEMBER_CODE, retry: false });
    const me = who.ok && who.data.registered ? who.data : null;
    if (me) setForm((f) => ({ ...f, name: f.name || me.person.name }));
    setLoad({ status: 'ready', code: result.data, buildings: homesUnder(me, result.data) });
  }, [given, mode]);

  useEffect(() => {
    // The code is read once, when the page opens.
    void look();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (code: ResolvedCode, phone: { phoneCode: string } | { phone: string }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await submitCheckin({ ...inputOf(form, code.id), ...phone });
    setBusy(false);
    if (result.ok) {
      const title = result.data.created ? '已提交报到' : '您已报到过，正在审核';
      void Taro.showToast({ title, icon: result.data.created ? 'success' : 'none', duration: 2000 });
      replaceWith(MEMBER_PAGES.mine);
      return;
    }
    // The code stopped working while the form was filled (revoked, used up), or they are a member already.
    if (endsTheForm(result.code)) return setLoad({ status: 'stopped', refusal: stopOf(result), retry: false });
    refused(result, stepOfField(result.field), { step: 'phone', field: 'phone' });
  };

  if (load.status === 'loading') return <Loading text='正在查看这个码…' />;

  if (load.status === 'stopped') {
    const { refusal } = load;
    const member = refusal.code === 'CHECKIN.ALREADY_MEMBER';
    const signIn = refusal.code === 'AUTH.REQUIRED';
    return (
      <Screen className='join'>
        <StopCard status={refusal.status} title={refusal.title} message={refusal.message} />
        {load.retry && (
          <Button className='join__action' type='primary' size='large' block onClick={() => void look()}>
            再查一次
          </Button>
        )}
        {member && (
          <Button className='join__action' type='primary' size='large' block onClick={() => replaceWith(MEMBER_PAGES.mine)}>
            看我的报到
          </Button>
        )}
        {signIn && (
          <Button className='join__action' type='primary' size='large' block onClick={() => goToLogin('请先登录再报到')}>
            去登录
          </Button>
        )}
        {!member && !signIn && (
          <Button className={`join__action${load.retry ? ' join__action--plain' : ''}`} type='primary' size='large' block onClick={() => void scanToJoin()}>
            扫码报到
          </Button>
        )}
      </Screen>
    );
  }

  const { code, buildings } = load;
  const props = { form, set, problems, busy };

  const next = () => {
    if (busy || !checked(step)) return;
    if (!last) return goTo(STEPS[index + 1]);
    void submit(code, { phone: form.phone.trim() });
  };

  // WeChat's number needs nothing more from this screen: the earlier screens are checked again.
  const onWechatPhone = (e: PhoneEvent) => wechatPhone(e, 'home', (phoneCode) => void submit(code, { phoneCode }));

  // The WeChat button is itself the submit: nothing else to tap on that screen.
  const wechatButton = step === 'phone' && !typing;

  return (
    <Screen className='join'>
      {mode === 'wechat' && <PrivacyConsent purpose='为了用您微信绑定的手机号报到' otherwise='不同意也可以，自己填写手机号即可。' />}
      <View className='join__where'>
        <Text className='join__where-label'>党员报到</Text>
        <Text className='join__where-trail trail'>{code.trail}</Text>
      </View>
      <Text className='join__step'>{`第 ${index + 1} 步，共 ${STEPS.length} 步`}</Text>

      {step === 'name' && <NameStep {...props} />}
      {step === 'type' && <TypeStep {...props} />}
      {step === 'branch' && <BranchStep {...props} />}
      {step === 'work' && <WorkStep {...props} />}
      {step === 'skills' && <SkillsStep {...props} />}
      {step === 'services' && <ServicesStep {...props} />}
      {step === 'home' && <HomeStep {...props} buildings={buildings} unitName={code.unit.name} />}
      {step === 'phone' && (
        <PhoneStep
          {...props}
          typing={typing}
          note={note}
          onWechatPhone={onWechatPhone}
          onType={typeInstead}
        />
      )}

      {error && <Text className='message message--error'>{error}</Text>}

      <StepButtons index={index} last={last} busy={busy} submit='提交报到' hideNext={wechatButton} onNext={next} onBack={() => goTo(STEPS[index - 1])} />
      {index === 0 && (
        <Text className='join__back' onClick={() => open(MEMBER_PAGES.mine)}>
          看我的报到
        </Text>
      )}
    </Screen>
  );
}
