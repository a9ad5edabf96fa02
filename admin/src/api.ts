/**
 * The management page's only way to the server. Pages call `api.units.tree(...)` etc. and get the
 * action's data, or an ApiError carrying the server's code, message and field.
 *
 * Imports from core are type-only or from modules without runtime dependencies, so zod stays out
 * of the bundle.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/core/api';

/**
 * Where the functions answer. Empty: the same site (the local host, or CloudBase static hosting
 * and HTTP access on one domain). Set VITE_JINLIN_API_BASE at build time when they differ.
 */
const API_BASE: string = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_JINLIN_API_BASE?.replace(/\/$/, '') ?? '';
import type { ErrorCode } from '../../src/core/errors';
import type { ImportUpload } from '../../src/core/management';

const TOKEN_KEY = 'jinlin.admin.token';

/** A failure the person can read; `code` is a server error code or one of the client-side ones. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly field?: string;
  readonly requestId?: string;
  constructor(code: ErrorCode | 'NETWORK', message: string, field?: string, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.requestId = requestId;
  }
}

const AUTH_LOST: readonly string[] = ['AUTH.REQUIRED', 'AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_REVOKED', 'AUTH.TOKEN_INVALID'];

/** Shown on the login page whenever a session stops working, whatever the precise reason. */
export const SESSION_LOST_MESSAGE = '登录已过期，请重新登录';

export function isAuthLost(e: unknown): boolean {
  return e instanceof ApiError && AUTH_LOST.includes(e.code);
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

type SessionLostListener = (message: string) => void;
let onSessionLost: SessionLostListener = () => {};

/** The app registers where to go when the server no longer accepts the token. */
export function setSessionLostListener(listener: SessionLostListener): void {
  onSessionLost = listener;
}

/** Sends one action; `onUploadProgress` (0..1) switches to XHR, the only way a browser reports upload progress. */
async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
  opts: { onUploadProgress?: (fraction: number) => void } = {},
): Promise<ActionOutput<F, A>> {
  const token = getToken();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const url = `${API_BASE}/api/${fn}`;
  const payload = JSON.stringify({ action, data });

  let body: unknown;
  try {
    if (opts.onUploadProgress) {
      body = await postWithProgress(url, headers, payload, opts.onUploadProgress);
    } else {
      const res = await fetch(url, { method: 'POST', headers, body: payload });
      body = await res.json().catch(() => undefined);
    }
  } catch {
    throw new ApiError('NETWORK', '连接不上服务器，请检查网络后重试');
  }

  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
    throw new ApiError('INTERNAL', '服务器返回的内容无法识别，请稍后再试');
  }
  const result = body as { ok: true; data: ActionOutput<F, A> } | { ok: false; code: ErrorCode; message: string; field?: string; requestId?: string };
  if (result.ok) return result.data;

  const error = new ApiError(result.code, result.message, result.field, result.requestId);
  // Only a session that existed can be lost; a sign-in attempt without a token is an ordinary failure.
  if (token && isAuthLost(error)) {
    setToken(null);
    onSessionLost(SESSION_LOST_MESSAGE);
  }
  throw error;
}

function postWithProgress(url: string, headers: Record<string, string>, payload: string, onProgress: (f: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve(undefined);
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(payload);
  });
}

/**
 * Sends a file where an upload ticket said (management.importUpload, lectures.pictureUpload), with
 * upload progress (0..1): the local host's upload route (with the session token), or a signed
 * cloud-storage address (nothing else needed). Answers the local route's `data` (cloud storage
 * answers nothing of ours: undefined).
 */
export function sendUpload(ticket: Omit<ImportUpload, 'file'>, file: Blob, onProgress: (f: number) => void = () => {}): Promise<unknown> {
  const url = ticket.url.startsWith('/') ? `${API_BASE}${ticket.url}` : ticket.url;
  const headers: Record<string, string> = { ...ticket.headers };
  const token = getToken();
  if (ticket.withToken && token) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        let answer: { ok?: boolean; data?: unknown } | null = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          answer = null;
        }
        return resolve(answer?.ok ? answer.data : undefined);
      }
      // The local host answers in our shape; cloud storage in its own XML.
      let body: { code?: ErrorCode; message?: string } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      reject(body?.code && body.message ? new ApiError(body.code, body.message) : new ApiError('INTERNAL', `文件上传失败（${xhr.status}），请重试`));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '连接不上服务器，文件没有上传，请检查网络后重试'));
    xhr.send(file);
  });
}

/** An address the local host answered ("/files/<id>"), made loadable when the functions answer on another site. */
export const hostUrl = (url: string): string => (API_BASE && url.startsWith('/') ? `${API_BASE}${url}` : url);

/** Builds `api.units.tree(data)` style functions for one cloud function. */
function group<F extends FunctionName>(fn: F) {
  return <A extends ActionName<F>>(action: A) =>
    (data: ActionInput<F, A>): Promise<ActionOutput<F, A>> =>
      call(fn, action, data);
}

const auth = group('auth');
const units = group('units');
const people = group('people');
const reports = group('reports');
const management = group('management');
const codes = group('codes');
const registration = group('registration');
const open311 = group('open311');
const members = group('members');
const lectures = group('lectures');
const pairings = group('pairings');
const points = group('points');
const wishes = group('wishes');
const assessments = group('assessments');
const deliberation = group('deliberation');
const partners = group('partners');

export const api = {
  auth: {
    signIn: auth('signIn'),
    signOut: auth('signOut'),
    whoAmI: auth('whoAmI'),
    demoLogins: auth('demoLogins'),
    changePassword: auth('changePassword'),
  },
  units: {
    tree: units('tree'),
    create: units('create'),
    rename: units('rename'),
    move: units('move'),
    archive: units('archive'),
    bindings: units('bindings'),
    bind: units('bind'),
    unbind: units('unbind'),
    grids: units('grids'),
  },
  people: {
    search: people('search'),
    create: people('create'),
    unbindWechat: people('unbindWechat'),
    resetPassword: people('resetPassword'),
  },
  codes: {
    create: codes('create'),
    list: codes('list'),
    revoke: codes('revoke'),
    image: codes('image'),
  },
  registration: {
    pending: registration('pending'),
    approve: registration('approve'),
    reject: registration('reject'),
  },
  members: {
    pending: members('pending'),
    approve: members('approve'),
    return: members('return'),
    transferOut: members('transferOut'),
    withdraw: members('withdraw'),
    roster: members('roster'),
    counts: members('counts'),
    export: members('export'),
    codes: members('codes'),
  },
  reports: {
    categories: reports('categories'),
    echoWall: reports('echoWall'),
    create: reports('create'),
    detail: reports('detail'),
    respond: reports('respond'),
    escalate: reports('escalate'),
    transfer: reports('transfer'),
    requestInfo: reports('requestInfo'),
    decideExtension: reports('decideExtension'),
    resolve: reports('resolve'),
    reject: reports('reject'),
    comment: reports('comment'),
    describe: reports('describe'),
    closeFollowUp: reports('closeFollowUp'),
  },
  management: {
    dashboard: management('dashboard'),
    list: management('list'),
    reassign: management('reassign'),
    handlers: management('handlers'),
    agenda: management('agenda'),
    importTemplate: management('importTemplate'),
    /** Where to send a file before previewing it (sendUpload sends it). */
    importUpload: management('importUpload'),
    importPreview: management('importPreview'),
    /** Stages the file's rows as an import job; importContinue runs it. */
    importCommit: management('importCommit'),
    importContinue: management('importContinue'),
    importStatus: management('importStatus'),
    settings: management('settings'),
    saveSettings: management('saveSettings'),
    resetSettings: management('resetSettings'),
    ledger: management('ledger'),
    audit: management('audit'),
    holidays: management('holidays'),
    saveHolidays: management('saveHolidays'),
    /** Sends the file with upload progress (0..1). */
    previewHolidayFile: (data: ActionInput<'management', 'previewHolidayFile'>, onUploadProgress?: (f: number) => void) =>
      call('management', 'previewHolidayFile', data, { onUploadProgress }),
    subscribeSends: management('subscribeSends'),
  },
  lectures: {
    speakers: lectures('speakers'),
    createSpeaker: lectures('createSpeaker'),
    editSpeaker: lectures('editSpeaker'),
    archiveSpeaker: lectures('archiveSpeaker'),
    managed: lectures('managed'),
    create: lectures('create'),
    edit: lectures('edit'),
    /** Where to send a lecture's picture (sendUpload sends it); its id is then saved with the lecture. */
    pictureUpload: lectures('pictureUpload'),
    publish: lectures('publish'),
    cancel: lectures('cancel'),
    roster: lectures('roster'),
    exportRoster: lectures('exportRoster'),
    figures: lectures('figures'),
    tick: lectures('tick'),
    venueCode: lectures('venueCode'),
  },
  pairings: {
    kinds: pairings('kinds'),
    saveKinds: pairings('saveKinds'),
    pair: pairings('pair'),
    setKinds: pairings('setKinds'),
    end: pairings('end'),
    list: pairings('list'),
    visits: pairings('visits'),
    counts: pairings('counts'),
  },
  points: {
    ledger: points('ledger'),
    exportLedger: points('exportLedger'),
    rules: points('rules'),
    saveRules: points('saveRules'),
    grant: points('grant'),
    correct: points('correct'),
    serviceRecords: points('serviceRecords'),
    confirmService: points('confirmService'),
    rejectService: points('rejectService'),
    goods: points('goods'),
    saveGoods: points('saveGoods'),
    restock: points('restock'),
    orders: points('orders'),
    collect: points('collect'),
    cancelOrder: points('cancelOrder'),
  },
  wishes: {
    list: wishes('list'),
    detail: wishes('detail'),
    approve: wishes('approve'),
    reject: wishes('reject'),
  },
  /** 物业测评: property companies, the policy, the month's review and publication, the A4 notice. */
  assessments: {
    companies: assessments('companies'),
    saveCompany: assessments('saveCompany'),
    archiveCompany: assessments('archiveCompany'),
    policy: assessments('policy'),
    savePolicy: assessments('savePolicy'),
    review: assessments('review'),
    compute: assessments('compute'),
    publish: assessments('publish'),
    detail: assessments('detail'),
    compound: assessments('compound'),
    comments: assessments('comments'),
  },
  /** 议事协商: topics, opinions' moderation, results, the decision and minutes, compound rules (公约). */
  deliberation: {
    open: deliberation('open'),
    edit: deliberation('edit'),
    detail: deliberation('detail'),
    hide: deliberation('hide'),
    unhide: deliberation('unhide'),
    list: deliberation('list'),
    decide: deliberation('decide'),
    withdraw: deliberation('withdraw'),
    rules: deliberation('rules'),
    adoptRules: deliberation('adoptRules'),
  },
  /** 共建单位: partners, their members and resources, the community's needs, projects (双向认领), visits, the year's figures. */
  partners: {
    savePartner: partners('savePartner'),
    archivePartner: partners('archivePartner'),
    list: partners('list'),
    detail: partners('detail'),
    linkMember: partners('linkMember'),
    unlinkMember: partners('unlinkMember'),
    postNeed: partners('postNeed'),
    withdrawNeed: partners('withdrawNeed'),
    needs: partners('needs'),
    resources: partners('resources'),
    askResource: partners('askResource'),
    projects: partners('projects'),
    project: partners('project'),
    accept: partners('accept'),
    decline: partners('decline'),
    cancel: partners('cancel'),
    addMilestone: partners('addMilestone'),
    doneMilestone: partners('doneMilestone'),
    close: partners('close'),
    visits: partners('visits'),
    linkVisitReport: partners('linkVisitReport'),
    figures: partners('figures'),
    export: partners('export'),
  },
  open311: {
    keys: open311('keys'),
    issueKey: open311('issueKey'),
    revokeKey: open311('revokeKey'),
  },
};

export type { Me, DemoLogin, BindingView, MyBinding } from '../../src/core/api';
export type { Unit, UnitKind, UnitNode } from '../../src/core/units';
export type { PersonView } from '../../src/core/people';
export type { Role } from '../../src/core/roles';
export type { CodeImageView, CodeView, Outputs, RegistrationQueueItem, RegistrationView, ReportDetail, ReportSummary, TimelineView, UnitRef } from '../../src/core/api';
export type { CodePurpose, CodeStatus } from '../../src/core/codes';
export type { ApiKeyStatus, ApiKeyView, IssuedApiKey } from '../../src/core/api-keys';
export type { Open311UnitRow } from '../../src/core/api';
export type { CheckinQueueItem, CheckinView, MemberCodeView, MemberCountRow } from '../../src/core/api';
export type { CheckinStatus, MemberType } from '../../src/core/checkins';
export type { GridHouseholds, GridRow } from '../../src/core/outputs/grids';
export type { HouseholdKindsView, PairingCounts, PairingView, VisitView } from '../../src/core/outputs/pairings';
export type { GoodsView, PointsEntryView, PointsRulesView, RedemptionView, ServiceRecordView } from '../../src/core/outputs/points';
export type { WishView } from '../../src/core/outputs/wishes';
export type { AssessmentPolicyView, AssessmentReview, AssessmentView, CompaniesView, CompanyRef, CompoundAssessments, PropertyCompanyView, ReviewRow, SurveyComment } from '../../src/core/outputs/assessments';
export type { AgendaTopic, CompoundRulesVersionView, CompoundRulesView, DecisionView, OpinionView, OptionResult, TopicCard, TopicView } from '../../src/core/outputs/deliberation';
export type { MilestoneView, NeedView, PartnerDetail, PartnerFigures, PartnerFiguresView, PartnerRef, PartnerRow, PartnerVisitView, ProjectView, ResourceView } from '../../src/core/outputs/partners';
export type { LectureFigures } from '../../src/core/lecture-figures';
export type { LectureMonthFigures, LectureRoster, LectureStaffView, RosterEntry, SpeakerView, VenueCodeView } from '../../src/core/outputs/lectures';
export type {
  Agenda,
  AgendaItem,
  AuditView,
  BulkResult,
  CalendarWarning,
  Counted,
  Dashboard,
  DeskFilter,
  DeskRow,
  DeskSettings,
  DeskSort,
  FileDownload,
  HolidayFilePreview,
  HolidayYearStatus,
  HolidayYearView,
  ImportJobView,
  ImportKind,
  ImportPreview,
  ImportRowError,
  ImportUpload,
  MonthFigures,
  OpenCounts,
  RateFigure,
  StreetHolidays,
} from '../../src/core/management';
export type { Category, Channel, Level, Rating, Status, CommunityPolicy, LevelDeadline } from '../../src/core/reports';
