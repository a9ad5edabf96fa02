/**
 * Filing a report on a weak network. When the filing fails for want of a network (a `NETWORK.*`
 * failure: no answer came back, so the report may or may not have been made), it is kept on the
 * phone and sent again, with the SAME client request id, when the network returns
 * (onNetworkStatusChange; a browser's `online` event), every RETRY_MS while it waits (a phone can
 * be "connected" and still get no answer), and when the form is opened again. The server files one
 * report per client request id (reports.create answers the first one's report to a repeat), so
 * however many of these retries reach it, one report is made.
 *
 * A mini-program runs nothing once it is closed: what is queued then waits, on the phone, until the
 * form is opened again. One queued filing a person: the form shows it instead of a new form.
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionOutput } from '../core/api';
import { whoAmI } from './api';
import { endDraft, markDraftProblem } from './report-draft';
import { createReport } from './reports';
import type { ClientFailure } from './types';

type CreateInput = ActionInput<'reports', 'create'>;
type Created = ActionOutput<'reports', 'create'>;

export interface QueuedFiling {
  personId: string;
  input: CreateInput;
  queuedAt: number;
  /** Why the last try got no answer (transport-failures.ts): what the form tells the person to do. */
  failure?: Pick<ClientFailure, 'code' | 'message'>;
}

export type FilingOutcome =
  | { status: 'filed'; report: Created['report'] }
  /** Kept on the phone: it goes when the network returns. */
  | { status: 'queued'; failure: ClientFailure }
  /** The server said no (bad input, not a resident…): nothing is kept; the form says why. */
  | { status: 'refused'; failure: ClientFailure };

export const QUEUED_MESSAGE = '网络不好，已保存，联网后自动提交';
/** The function, not the network, failed: it is kept and tried again all the same (one report per request id). */
export const QUEUED_FUNCTION_MESSAGE = '服务暂时出了故障，已保存，稍后自动提交';

export const queuedTitle = (q: Pick<QueuedFiling, 'failure'>) => (q.failure?.code === 'NETWORK.FUNCTION_ERROR' ? QUEUED_FUNCTION_MESSAGE : QUEUED_MESSAGE);

/** Only a failure where no answer came back is worth sending again; anything the server said stands. */
export const isRetryable = (f: Pick<ClientFailure, 'code'>) => f.code.startsWith('NETWORK.');

const KEY = 'jinlin.filingQueue';
export const RETRY_MS = 30_000;

function readQueue(): QueuedFiling[] {
  try {
    const v: unknown = Taro.getStorageSync(KEY);
    return Array.isArray(v) ? (v as QueuedFiling[]).filter((q) => q && typeof q.personId === 'string' && q.input) : [];
  } catch {
    return [];
  }
}

function writeQueue(list: QueuedFiling[]): void {
  try {
    if (list.length) Taro.setStorageSync(KEY, list);
    else Taro.removeStorageSync(KEY);
  } catch {
    // Storage refused: the filing still waits in this running app (`memory`), only not across a restart.
  }
}

/** What waits in this running app even if storage refused it. */
let memory: QueuedFiling[] = [];

const all = (): QueuedFiling[] => {
  const stored = readQueue();
  return [...stored, ...memory.filter((m) => !stored.some((s) => s.personId === m.personId))];
};

function put(entry: QueuedFiling): void {
  memory = [...memory.filter((q) => q.personId !== entry.personId), entry];
  writeQueue([...readQueue().filter((q) => q.personId !== entry.personId), entry]);
}

function take(personId: string, requestId: string): void {
  const keep = (q: QueuedFiling) => !(q.personId === personId && q.input.clientRequestId === requestId);
  memory = memory.filter(keep);
  writeQueue(readQueue().filter(keep));
}

/** The person's filing that waits for the network, if any. */
export function queuedFor(personId: string): QueuedFiling | null {
  return all().find((q) => q.personId === personId) ?? null;
}

/** Answers true when it told the person itself (the form is open on that filing): then no toast. */
type Listener = (personId: string, requestId: string, outcome: FilingOutcome) => boolean | void;
const listeners = new Set<Listener>();

/** Told whenever a filing settles (filed, refused, or queued again); returns the way to stop listening. */
export function onFilingSettled(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One send a request id at a time: a retry while the last one is still out waits for its answer. */
const inFlight = new Map<string, Promise<FilingOutcome>>();
/** Taken back by the person (dropQueued) while a retry was still out: not queued again when it fails. */
const dropped = new Set<string>();

function send(personId: string, input: CreateInput, retry: boolean): Promise<FilingOutcome> {
  const id = input.clientRequestId;
  const running = inFlight.get(id);
  if (running) return running;
  const p = (async (): Promise<FilingOutcome> => {
    const result = await createReport(input);
    let outcome: FilingOutcome;
    if (result.ok) {
      take(personId, id);
      endDraft(personId, id);
      outcome = { status: 'filed', report: result.data.report };
    } else if (isRetryable(result)) {
      if (!(retry && dropped.has(id))) {
        put({ personId, input, queuedAt: queuedFor(personId)?.queuedAt ?? Date.now(), failure: { code: result.code, message: result.message } });
        watchNetwork();
      }
      outcome = { status: 'queued', failure: result };
    } else {
      take(personId, id);
      outcome = { status: 'refused', failure: result };
    }
    const told = [...listeners].map((l) => l(personId, id, outcome) === true).some(Boolean);
    // A retry settles away from the tap that filed it: unless the form showed it, say so here.
    if (retry && !told) tell(personId, id, outcome);
    return outcome;
  })().finally(() => inFlight.delete(id));
  inFlight.set(id, p);
  return p;
}

/** Files the report now; when the network fails it is queued (answered `queued`) and goes later by itself. */
export function fileReport(personId: string, input: CreateInput): Promise<FilingOutcome> {
  dropped.delete(input.clientRequestId);
  return send(personId, input, false);
}

/**
 * Sends what waits again. With `personId` (the form knows who is using it) that person's filing;
 * without (the network came back), the filing of whoever WeChat or the session says is using the
 * phone now, so a browser shared by two people never files one's report as the other.
 * Settled away from the form (no listener told the person), it says so in a toast, and a refusal
 * is noted on the draft for the form to show.
 */
export async function retryQueued(personId?: string): Promise<FilingOutcome | null> {
  if (all().length === 0) return null;
  let who = personId;
  if (!who) {
    const me = await whoAmI();
    if (!me.ok || !me.data.registered) return null;
    who = me.data.person.id;
  }
  const entry = queuedFor(who);
  if (!entry) return null;
  return send(who, entry.input, true);
}

function tell(personId: string, requestId: string, outcome: FilingOutcome): void {
  if (outcome.status === 'filed') {
    void Promise.resolve(Taro.showToast({ title: '反映已提交', icon: 'success', duration: 2000 })).catch(() => undefined);
  } else if (outcome.status === 'refused') {
    markDraftProblem(personId, requestId, outcome.failure.message);
    void Promise.resolve(Taro.showToast({ title: '反映没能提交，请打开“我要反映”看看', icon: 'none', duration: 3000 })).catch(() => undefined);
  }
}

/** Gives up on the queued filing (the person chose to change it); its draft stays. */
export function dropQueued(personId: string): void {
  const entry = queuedFor(personId);
  if (!entry) return;
  dropped.add(entry.input.clientRequestId);
  take(personId, entry.input.clientRequestId);
}

let watching = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function retryLater(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (all().length === 0) return;
    void retryQueued().finally(() => {
      if (all().length > 0) retryLater();
    });
  }, RETRY_MS);
}

/** Starts listening for the network's return, once for the running app; and retries on a timer while anything waits. */
export function watchNetwork(): void {
  retryLater();
  if (watching) return;
  watching = true;
  const back = () => void retryQueued();
  try {
    Taro.onNetworkStatusChange((res: { isConnected: boolean }) => {
      if (res.isConnected) back();
    });
  } catch {
    // No such API here: the timer and reopening the form still retry.
  }
  // Taro's h5 onNetworkStatusChange follows navigator.connection, which not every browser has.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', back);
}

/**
 * When the app comes to the front: a filing kept from before (the app was closed while it waited) is
 * sent again without waiting for the person to reopen the form. Nothing kept: nothing is asked.
 */
export function resumeQueued(): void {
  if (all().length === 0) return;
  watchNetwork();
  void retryQueued();
}

/** Tests only: forget what this module holds in memory (storage is the test's to clear). */
export function __resetFilingQueue(): void {
  memory = [];
  listeners.clear();
  inFlight.clear();
  dropped.clear();
  watching = false;
  if (timer) clearTimeout(timer);
  timer = null;
}
