/**
 * What each action returns. The client's services/api.ts is typed by this file and schemas.ts,
 * so a change here is checked on both sides.
 */
import type { Role } from './roles';
import type { Unit } from './units';
import type { PersonView } from './people';
import type { Category, Figures } from './reports';
import type { ActionInput, ActionName, FunctionName } from './schemas';
import type { Agenda, AuditView, BulkResult, Dashboard, DeskPage, DeskSettings, FileDownload, HolidayFilePreview, ImportJobView, ImportPreview, ImportUpload, StreetHolidays } from './management';
import type { InboxCounts, ReportDetail, ReportSummary, UnitRef } from './views';
import type { CodePurpose } from './codes';
import type { ApiKeyView, IssuedApiKey } from './api-keys';
import type { CodeView, ResolvedCode, CodeImageView } from './outputs/codes';
import type { RegistrationView, RegistrationQueueItem, Submitted, NotRegistered, MoveChoices } from './outputs/registration';
import type { GroupEntered, ReportCard } from './outputs/groups';
import type { CheckinView, CheckinQueueItem, MemberCountRow, MemberCodeView } from './outputs/members';
import type { SpeakerView, LectureCard, LectureDetail, MySignupView, LectureStaffView, LectureRoster, LectureMonthFigures, AttendanceMarked, VenueCodeView, PictureUpload } from './outputs/lectures';
import type { SubscribeSendStats } from './outputs/notices';
import type { GridHouseholds, MyGrid } from './outputs/grids';
import type * as PairingOutputs from './outputs/pairings';
import type { PointsOutputs } from './outputs/points';
import type { WishesOutputs } from './outputs/wishes';
import type { AssessmentsOutputs } from './outputs/assessments';
import type { DeliberationOutputs } from './outputs/deliberation';
import type { PartnersOutputs } from './outputs/partners';
import type { NoticeTemplates } from './outputs/messages';
import type { DemoLogin, Me, SignedIn } from './outputs/auth';
import type { LeaveConfirmation, Left, OwnConsent, OwnData, OwnDataCopy } from './outputs/own-data';
import type { EchoWall } from './outputs/echo-wall';

// Pages and the admin page take these from the contract, as before they had a file of their own.
export type { InboxCounts, ReportDetail, ReportSummary, TimelineView, UnitRef } from './views';
export type * from './outputs/auth';
export type * from './outputs/codes';
export type * from './outputs/registration';
export type * from './outputs/groups';
export type * from './outputs/members';
export type * from './outputs/lectures';
export type * from './outputs/notices';
export type * from './outputs/grids';
export type * from './outputs/pairings';
export type * from './outputs/points';
export type * from './outputs/wishes';
export type * from './outputs/assessments';
export type * from './outputs/deliberation';
export type * from './outputs/partners';
export type * from './outputs/messages';
export type * from './outputs/own-data';
export type * from './outputs/echo-wall';

/** A building or compound of the community as a partner files on it: its id is Open311's address_id. */
export interface Open311UnitRow {
  id: string;
  name: string;
  kind: 'compound' | 'building';
  /** "幸福里小区 / 3号楼" */
  trail: string;
}

export interface BindingView {
  id: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  person: PersonView;
  createdAt: number;
}

export interface MessageView {
  id: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  createdAt: number;
  read: boolean;
}

export interface Outputs {
  lectures: {
    speakers: { community: UnitRef; speakers: SpeakerView[] };
    createSpeaker: SpeakerView;
    editSpeaker: SpeakerView;
    archiveSpeaker: SpeakerView;
    managed: { community: UnitRef; lectures: LectureStaffView[] };
    create: LectureStaffView;
    edit: LectureStaffView;
    /** Where the management page sends a lecture's picture before saving the lecture. */
    pictureUpload: PictureUpload;
    publish: LectureStaffView;
    /** Everyone signed up or waiting is told. */
    cancel: LectureStaffView & { told: number };
    roster: LectureRoster;
    exportRoster: FileDownload;
    figures: LectureMonthFigures;
    open: { lectures: LectureCard[] };
    detail: LectureDetail;
    signUp: LectureDetail;
    cancelSignup: LectureDetail;
    mine: { signups: MySignupView[] };
    markAttendance: AttendanceMarked;
    tick: AttendanceMarked;
    venueCode: VenueCodeView;
    attend: AttendanceMarked;
  };
  auth: {
    signIn: SignedIn;
    signOut: { signedOut: true };
    /** The person's other sessions end; the one they changed it from stays. */
    changePassword: { changed: true; sessionsEnded: number };
    whoAmI: Me | NotRegistered;
    demoLogins: DemoLogin[];
  };
  units: {
    tree: { units: Unit[] };
    create: Unit;
    rename: Unit;
    move: Unit;
    archive: Unit;
    bindings: BindingView[];
    bind: BindingView;
    unbind: { removed: true };
    /** Households per grid, with a warning outside 50–80. */
    grids: GridHouseholds;
    /** A grid lead's or steward's own grid. */
    myGrid: MyGrid;
  };
  reports: {
    categories: { categories: Category[]; speechToText?: boolean };
    similar: ReportSummary[];
    create: { report: ReportDetail; created: boolean };
    mine: ReportSummary[];
    detail: ReportDetail;
    follow: ReportDetail;
    inbox: { reports: ReportSummary[]; counts: InboxCounts };
    respond: ReportDetail;
    escalate: ReportDetail;
    transfer: ReportDetail;
    requestInfo: ReportDetail;
    provideInfo: ReportDetail;
    requestExtension: ReportDetail;
    decideExtension: ReportDetail;
    resolve: ReportDetail;
    reject: ReportDetail;
    comment: ReportDetail;
    describe: ReportDetail;
    rate: ReportDetail;
    dispute: ReportDetail;
    closeFollowUp: ReportDetail;
    figures: Figures & { unitId: string; month: string };
    echoWall: EchoWall;
  };
  management: {
    dashboard: Dashboard;
    list: DeskPage;
    reassign: BulkResult;
    handlers: { person: PersonView; role: Role; roleLabel: string; unit: UnitRef }[];
    agenda: Agenda;
    importTemplate: FileDownload;
    importUpload: ImportUpload;
    importPreview: ImportPreview;
    importCommit: ImportJobView;
    importContinue: ImportJobView;
    importStatus: ImportJobView;
    settings: DeskSettings;
    saveSettings: DeskSettings;
    resetSettings: DeskSettings;
    ledger: FileDownload;
    audit: { entries: AuditView[]; more: boolean };
    holidays: StreetHolidays;
    saveHolidays: StreetHolidays;
    previewHolidayFile: HolidayFilePreview;
    subscribeSends: SubscribeSendStats;
  };
  messages: {
    list: { messages: MessageView[]; unread: number; more: boolean };
    markRead: { marked: number; unread: number };
    noticeTemplates: NoticeTemplates;
  };
  people: {
    search: PersonView[];
    create: PersonView;
    unbindWechat: PersonView;
    /** Every session of the person ends. */
    resetPassword: { person: PersonView; sessionsEnded: number };
    /** 我的信息: everything kept about the caller, by kind, with who can see each. */
    ownData: OwnData;
    /** The same as a JSON file (h5) or a link valid for a day sent to the in-app messages (mini-program). */
    copyOwnData: OwnDataCopy;
    /** The person after; staff who see them see the new name at once. */
    correctName: PersonView;
    correctPhone: PersonView;
    /** 我的信息's switches: every one as it is now. */
    setConsent: OwnConsent;
    /** Leaving (注销), confirmed twice: the token, then the leaving. */
    askToLeave: LeaveConfirmation;
    leave: Left;
  };
  codes: {
    create: CodeView;
    list: { unit: UnitRef; trail: string; purposes: CodePurpose[]; codes: CodeView[] };
    revoke: CodeView;
    resolve: ResolvedCode;
    image: CodeImageView;
  };
  groups: {
    bind: { building: UnitRef & { trail: string } };
    unbind: { building: UnitRef & { trail: string } };
    enter: GroupEntered;
    card: ReportCard;
  };
  registration: {
    submit: Submitted;
    mine: { registrations: RegistrationView[] };
    pending: { registrations: RegistrationQueueItem[] };
    approve: RegistrationView;
    reject: RegistrationView;
    /** 更正门牌: the move waiting for the new building's lead. */
    move: RegistrationView;
    moveChoices: MoveChoices;
  };
  members: {
    submit: { checkin: CheckinView; created: boolean };
    mine: { checkins: CheckinView[]; howToCheckIn: string };
    pending: { checkins: CheckinQueueItem[] };
    approve: CheckinView;
    return: CheckinView;
    transferOut: CheckinView;
    withdraw: CheckinView;
    roster: { rows: CheckinView[]; total: number };
    counts: { unit: UnitRef; trail: string; rows: MemberCountRow[]; total: Omit<MemberCountRow, 'unit' | 'trail'> };
    export: FileDownload;
    codes: { unit: UnitRef; trail: string; codes: MemberCodeView[] };
  };
  pairings: PairingOutputs.PairingsOutputs;
  points: PointsOutputs;
  wishes: WishesOutputs;
  assessments: AssessmentsOutputs;
  deliberation: DeliberationOutputs;
  partners: PartnersOutputs;
  open311: {
    keys: { community: UnitRef; keys: ApiKeyView[]; units: Open311UnitRow[] };
    issueKey: IssuedApiKey;
    revokeKey: ApiKeyView;
  };
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof Outputs
  ? A extends keyof Outputs[F]
    ? Outputs[F][A]
    : never
  : never;

export type { ActionInput, ActionName, FunctionName };
