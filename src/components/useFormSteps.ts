/**
 * A way-in form one task a screen (登记入住, 党员报到): the form, the screen it is on, each field's
 * problem in words, and the phone, last, given by WeChat's button or typed. A step is checked before the
 * next shows; a refusal from the server shows the screen of the field it names, or is said under the
 * form. The pages keep their steps, checks and words.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ClientFailure } from '../services/api';
import { phoneRefusalMessage, type PhoneEvent } from './FormSteps';

export interface FormSteps<S extends string, F extends object> {
  /** The screens in order (the phone last). */
  steps: readonly S[];
  empty: F;
  checks: Record<S, (form: F) => Partial<Record<keyof F, string>>>;
  /** In WeChat the phone comes from WeChat's button unless the person types it. */
  wechat: boolean;
}

export function useFormSteps<S extends string, F extends object>({ steps, empty, checks, wechat }: FormSteps<S, F>) {
  type Problems = Partial<Record<keyof F, string>>;
  const [step, setStep] = useState<S>(steps[0]);
  const [form, setForm] = useState<F>(empty);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // In WeChat the phone comes from WeChat's button unless the person types it (or WeChat gives none).
  const [typing, setTyping] = useState(!wechat);
  const [note, setNote] = useState<string | null>(null);

  const set = <K extends keyof F>(field: K, value: F[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const goTo = (next: S) => {
    setStep(next);
    setError(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  /** The steps up to and including `upTo` are all right; else the first wrong one is shown. */
  const checked = (upTo: S): boolean => {
    for (const s of steps.slice(0, steps.indexOf(upTo) + 1)) {
      const found = checks[s](form);
      if (Object.keys(found).length > 0) {
        setProblems(found);
        if (s !== step) goTo(s);
        return false;
      }
    }
    setProblems({});
    return true;
  };

  const typeInstead = () => {
    setTyping(true);
    setNote(null);
  };

  /**
   * A refusal of the submit that leaves the form open: the screen of the field it names (`at`, or the
   * phone's for a PHONE.* refusal, which also turns to typing the number), or said under the form.
   */
  const refused = (failure: ClientFailure, at: { step: S; field: keyof F } | null, phone: { step: S; field: keyof F }) => {
    const phoneRefused = failure.code.startsWith('PHONE.');
    if (phoneRefused) typeInstead();
    const where = at ?? (phoneRefused ? phone : null);
    if (where && steps.includes(where.step)) {
      goTo(where.step);
      setProblems({ [where.field]: failure.message } as Problems);
    } else setError(failure.message);
  };

  /**
   * WeChat's phone button: its code submits at once when the screens before the phone are all right
   * (`before`); refused, not allowed (privacy) or out of quota, the person types the number instead.
   */
  const wechatPhone = (e: PhoneEvent, before: S, submit: (phoneCode: string) => void) => {
    const detail = e.detail ?? ({} as PhoneEvent['detail']);
    if (detail.code) {
      if (checked(before)) submit(detail.code);
      return;
    }
    setTyping(true);
    setNote(phoneRefusalMessage(detail));
  };

  const index = steps.indexOf(step);
  return {
    step,
    index,
    last: index === steps.length - 1,
    form,
    setForm,
    set,
    problems,
    error,
    setError,
    busy,
    setBusy,
    typing,
    note,
    typeInstead,
    goTo,
    checked,
    refused,
    wechatPhone,
  };
}
