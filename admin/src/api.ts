/**
 * The management page's only way to the server. Pages call `api.units.tree(...)` etc. and get the
 * action's data, or an ApiError carrying the server's code, message and field (transport.ts sends it).
 *
 * Imports from core are type-only or from modules without runtime dependencies, so zod stays out
 * of the bundle.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/core/api';
import { call } from './transport';

export { ApiError, SESSION_LOST_MESSAGE, getToken, hostUrl, isAuthLost, sendUpload, setSessionLostListener, setToken } from './transport';

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
