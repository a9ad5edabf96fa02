/**
 * 登记入住: a person becomes a resident of the building whose code they scanned. Opened from the
 * code landing page with `?code=<id>`, or straight from a mini-program code with `?scene=<id>`
 * (URL-encoded by WeChat: decoded once, as the landing page does). It shows where, then one task a
 * screen: the real name, the door, the phone (WeChat's number, or typed and checked by the building
 * lead) and, in a browser without an account, a password for the web account the phone names.
 * Submitted, it opens the status page.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ResolvedCode } from '../../core/api';
import { isCodeId, normaliseCodeId } from '../../core/codes';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { resolveCode } from '../../services/codes';
import { submitRegistration } from '../../services/registration';
import { goHome, goToLogin, readParam, registrationStatusUrl, replaceWith, scanToJoin } from '../../utils/nav';
import { MALFORMED_SCENE, refusalOf, type Refusal } from '../../pages/code/refusal';
import { endsTheForm, NOT_FOR_JOINING, stopOf } from './stops';
import { CHECKS, doorOf, EMPTY_FORM, joinMode, phoneRefusalMessage, stepOfField, stepsOf, type Field, type JoinForm, type Problems, type Step } from './form';
import { DoorStep, NameStep, PasswordStep, PhoneStep, Where, type PhoneEvent } from './Steps';
import '../register.scss';

type Load =
  | { status: 'loading' }
  | { status: 'noCode' }
  | { status: 'stopped'; refusal: Refusal; retry: boolean }
  | { status: 'ready'; code: ResolvedCode };

/** The purposes a person joins a building with. */
const JOINS = new Set(['building', 'personal']);

export default function Join() {
  const router = useRouter();
  const given = normaliseCodeId(readParam(router.params?.code) ?? readParam(router.params?.scene) ?? '');
  const [mode] = useState(joinMode);
  const steps = stepsOf(mode);
  const [load, setLoad] = useState<Load>(given ? { status: 'loading' } : { status: 'noCode' });
  const [step, setStep] = useState<Step>('name');
  const [form, setForm] = useState<JoinForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // In WeChat the phone comes from WeChat's button unless the person types it (or WeChat gives none).
  const [typing, setTyping] = useState(mode !== 'wechat');
  const [note, setNote] = useState<string | null>(null);
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
    setLoad({ status: 'ready', code: result.data });
  }, [given]);

  useEffect(() => {
    if (given) void look();
    // The code is read once, when the page opens.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (field: Field, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const goTo = (next: Step) => {
    setStep(next);
    setError(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  /** The steps up to and including `upTo` are all right; else the first wrong one is shown. */
  const checked = (upTo: Step): boolean => {
    for (const s of steps.slice(0, steps.indexOf(upTo) + 1)) {
      const found = CHECKS[s](form);
      if (Object.keys(found).length > 0) {
        setProblems(found);
        if (s !== step) goTo(s);
        return false;
      }
    }
    setProblems({});
    return true;
  };

  const submit = async (code: ResolvedCode, phone: { phoneCode: string } | { phone: string }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setAccountExists(false);
    const result = await submitRegistration({
      codeId: code.id,
      name: form.name.trim(),
      door: doorOf(form),
      ...phone,
      ...(mode === 'web' ? { password: form.password } : {}),
    });
    setBusy(false);
    if (result.ok) {
      const title = result.data.created ? '已提交登记' : '您已登记过，正在审核';
      void Taro.showToast({ title, icon: result.data.created ? 'success' : 'none', duration: 2000 });
      replaceWith(registrationStatusUrl(code.id));
      return;
    }
    if (endsTheForm(result.code)) {
      // The code stopped working while the form was filled (revoked, used up), or this is home already.
      return setLoad({ status: 'stopped', refusal: stopOf(result), retry: false });
    }
    if (result.code.startsWith('PHONE.')) {
      setTyping(true);
      setNote(null);
    }
    if (result.code === 'REGISTRATION.ACCOUNT_EXISTS') setAccountExists(true);
    const at = stepOfField(result.field) ?? (result.code.startsWith('PHONE.') ? { step: 'phone' as const, field: 'phone' as const } : null);
    if (at && steps.includes(at.step)) {
      goTo(at.step);
      setProblems({ [at.field]: result.message });
    } else setError(result.message);
  };

  if (load.status === 'loading') return <Loading text='正在查看这个码…' />;

  if (load.status === 'noCode' || load.status === 'stopped') {
    const refusal = load.status === 'stopped' ? load.refusal : null;
    const home = refusal?.code === 'REGISTRATION.ALREADY_RESIDENT';
    return (
      <View className='page join'>
        <View className='card'>
          <Text className='reg-status reg-status--stopped'>{`✕ ${refusal?.status ?? '没有码'}`}</Text>
          <Text className='join__title'>{refusal?.title ?? '请先扫楼栋码'}</Text>
          <Text className='join__lead'>{refusal?.message ?? '登记入住要用楼栋长或社区给的楼栋码，或楼栋长为您打印的个人码。'}</Text>
        </View>
        {load.status === 'stopped' && load.retry && (
          <Button className='join__action' type='primary' size='large' block onClick={() => void look()}>
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
      </View>
    );
  }

  const { code } = load;
  const index = steps.indexOf(step);
  const last = index === steps.length - 1;
  const props = { form, set, problems, busy };

  const next = () => {
    if (busy || !checked(step)) return;
    if (!last) return goTo(steps[index + 1]);
    void submit(code, { phone: form.phone.trim() });
  };

  const onWechatPhone = (e: PhoneEvent) => {
    const detail = e.detail ?? ({} as PhoneEvent['detail']);
    if (detail.code) {
      // WeChat's number needs nothing more from this screen: the name and door are checked again.
      if (checked('door')) void submit(code, { phoneCode: detail.code });
      return;
    }
    // Refused, not allowed (privacy), or out of quota: the person types the number instead.
    setTyping(true);
    setNote(phoneRefusalMessage(detail));
  };

  // The WeChat button is itself the submit: nothing else to tap on that screen.
  const wechatButton = step === 'phone' && !typing;

  return (
    <View className='page join'>
      {mode === 'wechat' && <PrivacyConsent purpose='为了用您微信绑定的手机号登记' otherwise='不同意也可以，自己填写手机号即可。' />}
      <Where trail={code.trail} personName={code.personName} personal={code.purpose === 'personal'} />
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
          onType={() => {
            setTyping(true);
            setNote(null);
          }}
        />
      )}
      {step === 'password' && <PasswordStep {...props} />}

      {error && <Text className='message message--error'>{error}</Text>}
      {accountExists && mode === 'web' && (
        <Text className='join__back' onClick={() => goToLogin()}>
          已有账号？去登录
        </Text>
      )}

      {!wechatButton && (
        <Button className='join__action' type='primary' size='large' block disabled={busy} onClick={next}>
          {last ? (busy ? '正在提交…' : '提交登记') : '下一步'}
        </Button>
      )}
      {index > 0 && (
        <Text className='join__back' onClick={() => !busy && goTo(steps[index - 1])}>
          ‹ 上一步
        </Text>
      )}
    </View>
  );
}
