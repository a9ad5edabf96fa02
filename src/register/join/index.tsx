/**
 * 登记入住: a person becomes a resident of the building whose code they scanned. Opened from the
 * code landing page with `?code=<id>`, or straight from a mini-program code with `?scene=<id>`
 * (URL-encoded by WeChat: decoded once, as the landing page does). It shows where, then one task a
 * screen: the real name, the door, the phone (WeChat's number, or typed and checked by the building
 * lead) and, in a browser without an account, a password for the web account the phone names.
 * Submitted, it opens the status page.
 *
 * Without a code, from a card in a building's WeChat group (`?group=1`, or wherever the page finds
 * itself opened in a group): the group's building is filled in (groups.enter) and the submit sends a
 * fresh cloudID instead of a code (way.ts). A group that cannot be read or is bound to no building is
 * said, with the building's code as the way on. Either way the building's lead approves.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { isCodeId, normaliseCodeId } from '../../core/codes';
import { Button } from '../../components/nut';
import { StepButtons, type PhoneEvent } from '../../components/FormSteps';
import { Loading } from '../../components/PageStatus';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { StopCard } from '../../components/StopCard';
import { useFormSteps } from '../../components/useFormSteps';
import { resolveCode } from '../../services/codes';
import { codeUrl, goHome, goToLogin, open, readParam, registrationStatusUrl, replaceWith, scanToJoin } from '../../utils/nav';
import { MALFORMED_SCENE, refusalOf, type Refusal } from '../../pages/code/refusal';
import { endsTheForm, isGroupStop, NO_GROUP, NOT_FOR_JOINING, stopOf } from './stops';
import { byCode, enterFromGroup, submitWay, whereOf, type Way } from './way';
import { CHECKS, doorOf, EMPTY_FORM, joinMode, stepOfField, stepsOf } from './form';
import { DoorStep, NameStep, PasswordStep, PhoneStep, Where } from './Steps';
import { Screen } from '../../components/Screen';
import '../register.scss';

type Load =
  | { status: 'loading' }
  | { status: 'noCode' }
  | { status: 'stopped'; refusal: Refusal; retry: boolean }
  | { status: 'ready'; way: Way };

/** The purposes a person joins a building with. */
const JOINS = new Set(['building', 'personal']);

export default function Join() {
  const router = useRouter();
  const given = normaliseCodeId(readParam(router.params?.code) ?? readParam(router.params?.scene) ?? '');
  // From a group's card; without it the page still looks for a group before asking for a code.
  const fromGroup = readParam(router.params?.group) === '1';
  const [mode] = useState(joinMode);
  const steps = stepsOf(mode);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const { step, index, last, form, set, problems, error, setError, busy, setBusy, typing, note, typeInstead, goTo, checked, refused, wechatPhone } = useFormSteps({
    steps,
    empty: EMPTY_FORM,
    checks: CHECKS,
    wechat: mode === 'wechat',
  });
  const [accountExists, setAccountExists] = useState(false);

  const look = useCallback(async () => {
    if (!isCodeId(given)) return setLoad({ status: 'stopped', refusal: MALFORMED_SCENE, retry: false });
    setLoad({ status: 'loading' });
    const result = await resolveCode(given);
    if (!result.ok) {
      const refusal = refusalOf(result);
      return setLoad({ status: 'stopped', refusal, retry: refusal.forward === 'retry' });
    }
    if (!JOINS.has(result.data.purpose)) return setLoad({ status: 'stopped', refusal: NOT_FOR_JOINING, retry: false });
    setLoad({ status: 'ready', way: byCode(result.data) });
  }, [given]);

  /** The group the page was opened in: its building, or why not (null: in no group at all). */
  const lookGroup = useCallback(async () => {
    setLoad({ status: 'loading' });
    const found = await enterFromGroup();
    if (found === null) return setLoad(fromGroup ? { status: 'stopped', refusal: NO_GROUP, retry: false } : { status: 'noCode' });
    if (found.ok) return setLoad({ status: 'ready', way: found.way });
    setLoad({ status: 'stopped', refusal: found.refusal, retry: found.refusal.forward === 'retry' });
  }, [fromGroup]);

  useEffect(() => {
    // The code (or the group) is read once, when the page opens.
    if (given) void look();
    else void lookGroup();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (way: Way, phone: { phoneCode: string } | { phone: string }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setAccountExists(false);
    const result = await submitWay(way, {
      name: form.name.trim(),
      door: doorOf(form),
      ...phone,
      ...(mode === 'web' ? { password: form.password } : {}),
    });
    setBusy(false);
    if (result.ok) {
      const title = result.data.created ? '已提交登记' : '您已登记过，正在审核';
      void Taro.showToast({ title, icon: result.data.created ? 'success' : 'none', duration: 2000 });
      replaceWith(registrationStatusUrl(way.via === 'code' ? way.code.id : undefined));
      return;
    }
    if (endsTheForm(result.code)) {
      // The code stopped working while the form was filled (revoked, used up), the group can no
      // longer be read or was unbound, or this is home already.
      return setLoad({ status: 'stopped', refusal: stopOf(result), retry: false });
    }
    if (result.code === 'REGISTRATION.ACCOUNT_EXISTS') setAccountExists(true);
    refused(result, stepOfField(result.field), { step: 'phone', field: 'phone' });
  };

  if (load.status === 'loading') return <Loading text={given ? '正在查看这个码…' : '正在查看…'} />;

  if (load.status === 'noCode' || load.status === 'stopped') {
    const refusal = load.status === 'stopped' ? load.refusal : null;
    const home = refusal?.code === 'REGISTRATION.ALREADY_RESIDENT';
    // From a group that could not give the building: the building's code instead, scanned or typed.
    const codeInstead = refusal !== null && isGroupStop(refusal.code);
    return (
      <Screen className='join'>
        <StopCard
          status={refusal?.status ?? '没有码'}
          title={refusal?.title ?? '请先扫楼栋码'}
          message={refusal?.message ?? '登记入住要用楼栋长或社区给的楼栋码，或楼栋长为您打印的个人码。'}
        />
        {load.status === 'stopped' && load.retry && (
          <Button className='join__action' type='primary' size='large' block onClick={() => void (given ? look() : lookGroup())}>
            再查一次
          </Button>
        )}
        {home ? (
          <Button className='join__action' type='primary' size='large' block onClick={goHome}>
            回到首页
          </Button>
        ) : (
          <Button className={`join__action${load.status === 'stopped' && load.retry ? ' join__action--plain' : ''}`} type='primary' size='large' block onClick={() => void scanToJoin()}>
            扫码登记
          </Button>
        )}
        {codeInstead && Taro.getEnv() === Taro.ENV_TYPE.WEAPP && (
          <Text className='join__back' onClick={() => open(codeUrl())}>
            输入楼栋码的编号
          </Text>
        )}
      </Screen>
    );
  }

  const { way } = load;
  const where = whereOf(way);
  const props = { form, set, problems, busy };

  const next = () => {
    if (busy || !checked(step)) return;
    if (!last) return goTo(steps[index + 1]);
    void submit(way, { phone: form.phone.trim() });
  };

  // WeChat's number needs nothing more from this screen: the name and door are checked again.
  const onWechatPhone = (e: PhoneEvent) => wechatPhone(e, 'door', (phoneCode) => void submit(way, { phoneCode }));

  // The WeChat button is itself the submit: nothing else to tap on that screen.
  const wechatButton = step === 'phone' && !typing;

  return (
    <Screen className='join'>
      {mode === 'wechat' && <PrivacyConsent purpose='为了用您微信绑定的手机号登记' otherwise='不同意也可以，自己填写手机号即可。' />}
      <Where {...where} />
      <Text className='join__step'>{`第 ${index + 1} 步，共 ${steps.length} 步`}</Text>

      {step === 'name' && <NameStep {...props} />}
      {step === 'door' && <DoorStep {...props} />}
      {step === 'phone' && (
        <PhoneStep
          {...props}
          mode={mode}
          typing={typing}
          note={note}
          onWechatPhone={onWechatPhone}
          onType={typeInstead}
        />
      )}
      {step === 'password' && <PasswordStep {...props} />}

      {error && <Text className='message message--error'>{error}</Text>}
      {accountExists && mode === 'web' && (
        <Text className='join__back' onClick={() => goToLogin()}>
          已有账号？去登录
        </Text>
      )}

      <StepButtons index={index} last={last} busy={busy} submit='提交登记' hideNext={wechatButton} onNext={next} onBack={() => goTo(steps[index - 1])} />
    </Screen>
  );
}
