/**
 * An approver's queue on the phone (入住审核, 党员报到审核): read when the page shows, oldest first; each
 * item approved — as one of the people already registered with the same phone, or as whoever they are —
 * after a confirm dialog, or turned away with a reason on a screen of its own. A decision someone else
 * made first is said and the queue read again; any other refusal is said on the item's card. The pages
 * keep their words and cards; this holds the flow they share.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { hasSession, isSessionLost, type ClientFailure, type ClientResult } from '../services/api';
import { goToLogin } from '../utils/nav';
import { useLoadOnShow } from '../utils/useLoadOnShow';

/** What a queue item carries for the flow: its id and the version the approver read. */
export interface QueueItem {
  id: string;
  version: number;
}

export type QueueState<I> = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; items: I[] };

export interface DecisionQueue<I extends QueueItem> {
  /** Read the waiting items. */
  read: () => Promise<ClientResult<I[]>>;
  /** The refusals that mean someone decided first: said, and the queue read again. */
  decided: ReadonlySet<string>;
  /** Whether the approver must say who the item is before approving. */
  needsChoice: (item: I) => boolean;
  /** The pick that means "a new person" rather than one of the matches. */
  newChoice: string;
  /** Said on the card when approving without that pick. */
  chooseFirst: string;
  /** The confirm dialog's words for approving `item` as `personId` (null: as whoever they are). */
  confirmation: (item: I, personId: string | null) => string;
  approve: (item: I, personId: string | null) => Promise<ClientResult<unknown>>;
  /** Turning it away with a reason; `declined` is the toast when that went through. */
  decline: (item: I, reason: string) => Promise<ClientResult<unknown>>;
  declined: string;
  checkReason: (reason: string) => string | null;
}

export function useDecisionQueue<I extends QueueItem>(queue: DecisionQueue<I>) {
  const [state, setState] = useState<QueueState<I>>({ status: 'loading' });
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState<I | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const { read } = queue;
  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    const result = await read();
    if (result.ok) setState({ status: 'ready', items: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', code: result.code, message: result.message });
  }, [read]);

  useLoadOnShow(load);

  const settle = (item: I, done: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, items: s.items.filter((i) => i.id !== item.id) } : s));
    void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
  };

  /** A refusal: said on the item's card, or, when someone decided first, said and the queue reloaded. */
  const refused = (item: I, failure: ClientFailure) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (queue.decided.has(failure.code)) {
      void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
      void load();
      return;
    }
    setErrors((e) => ({ ...e, [item.id]: failure.message }));
  };

  const choose = (item: I, value: string) => {
    setChoices((c) => ({ ...c, [item.id]: value }));
    setErrors((e) => ({ ...e, [item.id]: null }));
  };

  const approve = async (item: I) => {
    if (busy) return;
    const picked = choices[item.id];
    const choosing = queue.needsChoice(item);
    if (choosing && !picked) {
      setErrors((e) => ({ ...e, [item.id]: queue.chooseFirst }));
      return;
    }
    const personId = choosing && picked !== queue.newChoice ? picked : null;
    const answer = await Taro.showModal({
      title: '确认通过',
      content: queue.confirmation(item, personId),
      confirmText: '通过',
      cancelText: '再看看',
      confirmColor: '#c62f2f',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setErrors((e) => ({ ...e, [item.id]: null }));
    const result = await queue.approve(item, personId);
    setBusy(false);
    if (result.ok) settle(item, '已通过');
    else refused(item, result);
  };

  const startDecline = (item: I) => {
    setDeclining(item);
    setReason('');
    setReasonError(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const decline = async () => {
    if (busy || !declining) return;
    const problem = queue.checkReason(reason);
    setReasonError(problem);
    if (problem) return;
    setBusy(true);
    const result = await queue.decline(declining, reason.trim());
    setBusy(false);
    if (result.ok) {
      settle(declining, queue.declined);
      setDeclining(null);
    } else if (result.field === 'reason') setReasonError(result.message);
    else {
      setDeclining(null);
      refused(declining, result);
    }
  };

  /** The reason screen's props, shared by both pages' screens. */
  const reasonProps = {
    reason,
    onReason: (r: string) => {
      setReason(r);
      if (reasonError) setReasonError(queue.checkReason(r));
    },
    error: reasonError,
    busy,
    onConfirm: () => void decline(),
    onCancel: () => setDeclining(null),
  };

  /** A card's props for `item`. */
  const cardProps = (item: I) => ({
    item,
    choice: choices[item.id],
    onChoose: (v: string) => choose(item, v),
    onApprove: () => void approve(item),
    busy,
    error: errors[item.id] ?? null,
  });

  return { state, load, declining, startDecline, reasonProps, cardProps };
}
