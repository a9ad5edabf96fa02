/**
 * What each action returns. The client's services/api.ts is typed by this file and schemas.ts,
 * so a change here is checked on both sides.
 */
import type { Role } from './roles';
import type { Unit } from './units';
import type { PersonView } from './people';
import type { Category, Figures } from './reports';
import type { ActionInput, ActionName, FunctionName } from './schemas';
import type { Agenda, AuditView, BulkResult, Dashboard, DeskRow, DeskSettings, FileDownload, HolidayFilePreview, ImportPreview, ImportResult, StreetHolidays } from './management';
import type { InboxCounts, ReportDetail, ReportSummary, UnitRef } from './views';
import type { CodePurpose, CodeStatus } from './codes';
import type { Door } from './households';
import type { AutoApproval, RegistrationStatus } from './registrations';

// Pages and the admin page take these from the contract, as before they had a file of their own.
export type { InboxCounts, ReportDetail, ReportSummary, TimelineView, UnitRef } from './views';

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

export interface Outputs {
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
    list: { rows: DeskRow[]; total: number };
    reassign: BulkResult;
    handlers: { person: PersonView; role: Role; roleLabel: string; unit: UnitRef }[];
    agenda: Agenda;
    importTemplate: FileDownload;
    importPreview: ImportPreview;
    importCommit: ImportResult;
    settings: DeskSettings;
    saveSettings: DeskSettings;
    resetSettings: DeskSettings;
    ledger: FileDownload;
    audit: { entries: AuditView[]; more: boolean };
    holidays: StreetHolidays;
    saveHolidays: StreetHolidays;
    previewHolidayFile: HolidayFilePreview;
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
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof Outputs
  ? A extends keyof Outputs[F]
    ? Outputs[F][A]
    : never
  : never;

export type { ActionInput, ActionName, FunctionName };
