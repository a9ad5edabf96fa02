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
import type { CodePurpose, CodeStatus } from './codes';
import type { Door } from './households';
import type { AutoApproval, RegistrationStatus } from './registrations';
import type { AttendanceVia, LectureStatus, SignupStatus } from './lectures';
import type { LectureFigures } from './lecture-figures';
import type { Branch, CheckinStatus, MemberType } from './checkins';
import type { ApiKeyView, IssuedApiKey } from './api-keys';

// Pages and the admin page take these from the contract, as before they had a file of their own.
export type { InboxCounts, ReportDetail, ReportSummary, TimelineView, UnitRef } from './views';

/** A building or compound of the community as a partner files on it: its id is Open311's address_id. */
export interface Open311UnitRow {
  id: string;
  name: string;
  kind: 'compound' | 'building';
  /** "幸福里小区 / 3号楼" */
  trail: string;
}

export interface MyBinding {
  id: string;
  role: Role;
  roleLabel: string;
  unit: UnitRef;
  /** Names from the top of the tree down to the unit: "幸福街道 / 阳光社区 / 幸福里小区 / 3号楼". */
  trail: string;
}

export interface Me {
  registered: true;
  person: PersonView;
  bindings: MyBinding[];
  /** Works from the web management page. */
  isStaff: boolean;
  /** Handles reports in the handler pages. */
  isHandler: boolean;
}

export interface SignedIn {
  token: string;
  expiresAt: number;
  me: Me;
}

export interface DemoLogin {
  role: Role;
  roleLabel: string;
  name: string;
  username: string;
  password: string;
  unit: string;
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

/** A code as the management page lists it. */
export interface CodeView {
  id: string;
  purpose: CodePurpose;
  purposeLabel: string;
  unit: UnitRef;
  /** Names from the community down to the unit: "阳光社区 幸福里小区 3号楼". */
  trail: string;
  /** A personal code's person. */
  person: { id: string; name: string } | null;
  label: string | null;
  validFrom: number | null;
  validUntil: number | null;
  useLimit: number | null;
  uses: number;
  scans: number;
  status: CodeStatus;
  statusLabel: string;
  createdAt: number;
  createdBy: { id: string; name: string } | null;
  revokedAt: number | null;
  revokeReason: string | null;
}

/** What a scanned code is for and where, as the landing page shows it to anyone. */
export interface ResolvedCode {
  id: string;
  purpose: CodePurpose;
  purposeLabel: string;
  /** What scanning it does: "加入本楼，成为楼里的居民". */
  does: string;
  unit: UnitRef;
  trail: string;
  /** A personal code's person, masked ("张*华"): whom it was printed for. */
  personName: string | null;
  validUntil: number | null;
  /** Uses left, when limited. */
  usesLeft: number | null;
}

/** A code's drawn image, for the poster: a PNG as a data URL. */
export interface CodeImageView {
  id: string;
  dataUrl: string;
  /** The mini-program page it opens and its scene (the page reads decodeURIComponent(options.scene)). */
  page: string;
  scene: string;
}

/** A registration as its applicant reads it. */
export interface RegistrationView {
  id: string;
  status: RegistrationStatus;
  statusLabel: string;
  building: UnitRef;
  trail: string;
  /** The code it was made from (to register again with it); null when from a building group's card. */
  codeId: string | null;
  door: Door;
  doorLabel: string;
  name: string;
  /** Masked for the applicant's own screen too: 138****5678. */
  phone: string;
  phoneVerified: boolean;
  autoApproved: AutoApproval | null;
  rejectReason: string | null;
  createdAt: number;
  decidedAt: number | null;
  version: number;
}

/** A registration as an approver reads it in the queue: the whole phone, and who it may be. */
export interface RegistrationQueueItem extends RegistrationView {
  phone: string;
  /** Residents already on this building with the same phone whom nobody has claimed: approving may make the applicant one of them. */
  matches: { id: string; name: string; phone: string | null }[];
  /** This applicant's earlier registrations that were rejected, newest first (reasons). */
  rejectedBefore: { at: number; reason: string | null }[];
  /** Already a person (applying for another household). */
  applicant: { id: string; name: string } | null;
}

/** What submit answered: the registration, and for a new web applicant the key to read it with (shown once). */
export interface Submitted {
  registration: RegistrationView;
  /** True when this submit made it; false when a pending one was returned. */
  created: boolean;
  key: string | null;
  /** Set when it was approved at once: sign in (web) or go on (WeChat). */
  me: Me | null;
}

/** whoAmI for a WeChat user nobody registered yet. */
export interface NotRegistered {
  registered: false;
  howToRegister: string;
  registration: RegistrationView | null;
}

/** The building a WeChat group is bound to, as a page opened in it learns. */
export interface GroupEntered {
  /** Null when the group is bound to no building (or could not be read: the failure is answered instead). */
  building: (UnitRef & { trail: string }) | null;
  /** The buildings the caller may bind this group to (those they lead), when it is not bound to one of them already. */
  mayBindTo: (UnitRef & { trail: string })[];
}

/** A report shared as a card: in full inside its building's bound group, else only that it exists. */
export type ReportCard =
  | { inGroup: true; report: ReportSummary; building: UnitRef & { trail: string }; mayFollow: boolean; following: boolean; registered: boolean }
  | { inGroup: false; exists: true; categoryName: string };

/** One change of a check-in's status, as its history shows it. */
export interface CheckinChangeView {
  status: CheckinStatus;
  statusLabel: string;
  at: number;
  /** 转出 / 撤回: the day it took effect ("2026-11-23"). */
  date: string | null;
  reason: string | null;
  by: { id: string; name: string } | null;
}

/**
 * A party member's check-in (报到): to the member in 我的报到 (the phone masked, as registration's),
 * and to the approvers and the roster's readers (the phone whole).
 */
export interface CheckinView {
  id: string;
  status: CheckinStatus;
  statusLabel: string;
  /** The compound (or community, for 直管 members) checked in with. */
  unit: UnitRef;
  trail: string;
  codeId: string;
  name: string;
  phone: string;
  phoneVerified: boolean;
  memberType: MemberType;
  memberTypeLabel: string;
  veteran: boolean;
  branch: Branch;
  workUnit: string | null;
  skills: string[];
  services: string[];
  freeTime: string | null;
  household: { building: UnitRef; trail: string; door: Door; doorLabel: string } | null;
  /** The person the member role is bound to, once approved. */
  person: { id: string; name: string } | null;
  /** Why it was returned, transferred out or withdrawn (the last of these). */
  reason: string | null;
  /** The day it was transferred out or withdrawn. */
  endedOn: string | null;
  history: CheckinChangeView[];
  createdAt: number;
  decidedAt: number | null;
  version: number;
}

/** A pending check-in in an approver's queue: who the applicant may be, and their earlier check-ins. */
export interface CheckinQueueItem extends CheckinView {
  /** People under the unit with the same phone whom nobody signs in as yet: approving may make the applicant one of them. */
  matches: { id: string; name: string; phone: string | null }[];
  /** The applicant's earlier check-ins, newest first (a returning member's history). */
  earlier: { id: string; status: CheckinStatus; statusLabel: string; unitName: string; at: number; reason: string | null }[];
}

/** Members of one unit (a compound, or the community for 直管 members) by type. */
export interface MemberCountRow {
  unit: UnitRef;
  trail: string;
  byType: Record<MemberType, number>;
  veterans: number;
  total: number;
}

/** A check-in point's member code with its scans and its check-ins by status. */
export interface MemberCodeView extends CodeView {
  checkins: Record<CheckinStatus, number>;
}

/** A speaker of the pool as residents see them: no contact. */
export interface SpeakerCard {
  id: string;
  name: string;
  title: string | null;
  field: string | null;
  affiliation: string | null;
}

/** A speaker as staff manage them, with their contact. */
export interface SpeakerView extends SpeakerCard {
  communityId: string;
  contact: string | null;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** What every view of a lecture starts with. */
export interface LectureSummary {
  id: string;
  title: string;
  startsAt: number;
  endsAt: number;
  venue: string;
  status: LectureStatus;
  statusLabel: string;
  /** The picture's URL, or null. */
  pictureUrl: string | null;
}

/** One's own sign-up. */
export interface MySignup {
  lectureId: string;
  status: SignupStatus;
  statusLabel: string;
  seats: number;
  companions: number;
  signedUpAt: number;
  confirmedAt: number | null;
  /** Set when the seat came from the waiting list. */
  promotedAt: number | null;
  /** 1-based place on the waiting list; null unless waiting. */
  place: number | null;
  /** What the personal sign-up code holds (drawn as a QR code for staff to scan at the door); only while confirmed. */
  ticketCode: string | null;
  attendedAt: number | null;
}

/** A lecture as residents list it. */
export interface LectureCard extends LectureSummary {
  speaker: SpeakerCard | null;
  capacity: number;
  seatsLeft: number;
  /** Parties on the waiting list. */
  waiting: number;
  signupFrom: number;
  signupUntil: number;
  /** Sign-ups are taken now. */
  signupOpen: boolean;
  companionsAllowed: number;
  /** The caller's sign-up (not a cancelled one), or null. */
  mine: MySignup | null;
}

/** A lecture's page for a resident. */
export interface LectureDetail extends LectureCard {
  description: string;
  community: UnitRef;
  /** Who may sign up, by name: 阳光社区, or some of its compounds. */
  audience: UnitRef[];
}

/** One of my sign-ups, with its lecture (我的报名). */
export interface MySignupView extends MySignup {
  lecture: LectureSummary;
}

/** A lecture as staff manage it. */
export interface LectureStaffView extends LectureSummary {
  communityId: string;
  speaker: SpeakerView | null;
  description: string;
  /** The picture's stored reference (sent back unchanged when editing). */
  picture: string | null;
  capacity: number;
  confirmedSeats: number;
  seatsLeft: number;
  waiting: number;
  openTo: UnitRef[];
  signupFrom: number;
  signupUntil: number;
  companionsAllowed: number;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  version: number;
}

/** A row of a lecture's roster (花名册): who, from where, how many, attended or not. */
export interface RosterEntry {
  signupId: string;
  person: { id: string; name: string; phone: string | null };
  /** Their building, "幸福里小区 3号楼"; null when they have none (a member of a compound). */
  home: string | null;
  seats: number;
  companions: number;
  status: SignupStatus;
  statusLabel: string;
  seq: number;
  /** 1-based place on the waiting list; null unless waiting. */
  place: number | null;
  signedUpAt: number;
  confirmedAt: number | null;
  promotedAt: number | null;
  attendedAt: number | null;
  attendedVia: AttendanceVia | null;
  attendedViaLabel: string | null;
}

export interface LectureRoster {
  lecture: LectureStaffView;
  /** In the order they got their seats' sequence numbers. */
  confirmed: RosterEntry[];
  /** In waiting-list order. */
  waiting: RosterEntry[];
  figures: LectureFigures;
}

/** A month's lectures of a community with their figures. */
export interface LectureMonthFigures {
  community: UnitRef;
  month: string;
  lectures: { lecture: LectureSummary; figures: LectureFigures }[];
  total: LectureFigures;
}

/** An attendance marked (or found marked already: a repeated scan is harmless). */
export interface AttendanceMarked {
  lectureId: string;
  lectureTitle: string;
  person: { id: string; name: string };
  seats: number;
  attendedAt: number;
  via: AttendanceVia;
  viaLabel: string;
  /** False when it was marked before (the first mark stands). */
  first: boolean;
}

/** The venue screen's code: drawn as a QR code, redrawn at rotatesAt. */
export interface VenueCodeView {
  lectureId: string;
  /** What the QR code holds; the attendee's scan button sends it to `attend`. */
  code: string;
  rotatesAt: number;
  rotateEveryMs: number;
  /** Attendance by this code is taken from opensAt until closesAt. */
  opensAt: number;
  closesAt: number;
}

/** What became of the WeChat subscribe messages of one notice kind and template over some days. */
export interface SubscribeSendTotals {
  kind: string;
  /** The kind in words: "新反映交办". */
  kindLabel: string;
  templateId: string;
  sent: number;
  /** Refused by the person (errcode 43101): they did not allow it, or used up what they allowed. */
  refused: number;
  /** Failed otherwise (a bad template or data, no permission, quota): worth looking at. */
  failed: number;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** The subscribe messages of the China days `from`..`to`, per kind and template, most failures first. */
export interface SubscribeSendStats {
  from: string;
  to: string;
  templates: SubscribeSendTotals[];
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
  };
  reports: {
    categories: { categories: Category[] };
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
    rate: ReportDetail;
    dispute: ReportDetail;
    closeFollowUp: ReportDetail;
    figures: Figures & { unitId: string; month: string };
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
  };
  people: {
    search: PersonView[];
    create: PersonView;
    unbindWechat: PersonView;
    /** Every session of the person ends. */
    resetPassword: { person: PersonView; sessionsEnded: number };
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
