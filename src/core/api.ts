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

export interface Outputs {
  auth: {
    signIn: SignedIn;
    signOut: { signedOut: true };
    whoAmI: Me;
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
  };
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof Outputs
  ? A extends keyof Outputs[F]
    ? Outputs[F][A]
    : never
  : never;

export type { ActionInput, ActionName, FunctionName };
