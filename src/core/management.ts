/**
 * The web management page's contract (the `management` function): what the dashboard, the report desk,
 * the meeting agenda, the import, the deadline settings, the ledger and the audit log exchange.
 * Staff only: every action is scoped to the subtree of the caller's staff bindings.
 *
 * A dashboard number carries the DeskFilter that lists exactly the reports it counts, so the page
 * can open the report desk on that filter and the desk's `total` equals the number clicked.
 */
import type { Channel, Level, PerLevel, Rating, Status } from './reports';
import type { ReportSummary, UnitRef } from './views';
import type { CommunityPolicy } from './reports/deadlines';
import type { HolidaySource } from './holidays';
import type { HolidayFileEntry, HolidayFileProblem } from './holidays-files';
import type { AgendaTopic } from './outputs/deliberation';

/** Every field optional except the unit; an absent field does not filter. Times are epoch ms. */
export interface DeskFilter {
  /** Reports whose unit lies in this unit's subtree. */
  unitId: string;
  statuses?: Status[];
  /** The level the report is at now. */
  levels?: Level[];
  categories?: string[];
  channels?: Channel[];
  /** true: past the resolve deadline and still open; false: not overdue. */
  overdue?: boolean;
  /** Open, not overdue, and due within this many hours from now. */
  dueWithinHours?: number;
  createdFrom?: number;
  /** Exclusive. */
  createdTo?: number;
  resolvedFrom?: number;
  resolvedTo?: number;
  /** Resolved at this level (the "小事不出小区" share). */
  resolvedLevels?: Level[];
  /** Ever breached at any level. */
  breached?: boolean;
  /** First responded by the first response deadline. */
  respondedOnTime?: boolean;
  /**
   * Response settled by this moment: first responded to, or past the response deadline, by then
   * (core/reports/figures.ts responseSettledAt). The response rate's denominator, with `now`.
   */
  responseSettledBy?: number;
  ratings?: Rating[];
  /** Disputed at least once. */
  disputed?: boolean;
  /** Escalated at least once (manually or on a breach). */
  escalated?: boolean;
  /** Has an open follow-up task (an "unsatisfied" rating). */
  followUpOpen?: boolean;
  /** Counted in the figures: not rejected as a duplicate. */
  counted?: boolean;
  /** Text in the description, location, contact name or report id. */
  q?: string;
}

export type DeskSort = 'dueAt' | '-createdAt' | 'createdAt';

/** A desk row: a report summary plus what staff see (the resident, the channel). */
export interface DeskRow extends ReportSummary {
  channel: Channel;
  channelLabel: string;
  residentName: string | null;
  residentPhone: string | null;
  breached: boolean;
  escalations: number;
  disputes: number;
  rating: Rating | null;
  resolvedAt: number | null;
  followUpOpen: boolean;
}

/**
 * Set when a text search looked only at the newer reports of its filter. CloudBase bounds a search to
 * `bound` reports (cloudbase/report-queries.ts says how); SQLite's index never needs to.
 */
export interface SearchCap {
  /** The search looked at reports created from this time on (epoch ms), not at older ones. */
  createdFrom: number;
  /** The most reports one search looks at. */
  bound: number;
}

/** A page of the report desk. */
export interface DeskPage {
  rows: DeskRow[];
  total: number;
  searchCapped: SearchCap | null;
}

/** A number on the dashboard and the filter that lists the reports behind it. */
export interface Counted {
  value: number;
  filter: DeskFilter;
}

/** A rate and the two counts it divides (null when there is nothing to divide by). */
export interface RateFigure {
  rate: number | null;
  numerator: Counted;
  denominator: Counted;
}

export interface MonthFigures {
  /** "2026-11" */
  month: string;
  responseRate: RateFigure;
  onTimeRate: RateFigure;
  satisfactionRate: RateFigure;
  reports: Counted;
  /** Per level; the grid only where it is a level of the unit's community or has reports. */
  resolvedAtLevel: PerLevel<Counted>;
  shareAtLevel: PerLevel<number | null>;
}

export interface OpenCounts {
  open: Counted;
  dueSoon: Counted;
  overdue: Counted;
}

export interface Dashboard {
  unit: UnitRef;
  /** The month the "this month" figures are for, in China time. */
  month: string;
  now: number;
  /** Open / due soon (within 24 h) / overdue, over the whole subtree. */
  totals: OpenCounts;
  /** Per level; the grid only where it is a level of the unit's community or has open reports. */
  byLevel: PerLevel<OpenCounts>;
  /** One row per child unit of `unit`. */
  byUnit: (OpenCounts & { unit: UnitRef })[];
  thisMonth: MonthFigures;
  /** The last 12 months, oldest first, ending with this month. */
  months: MonthFigures[];
  /** This month's reports by category, most first (at most 10). */
  topCategories: { category: string; name: string; icon: string; count: Counted }[];
  /** Child units by this month's on-time rate, best first; units with no resolved report last. */
  ranking: { unit: UnitRef; onTimeRate: RateFigure; reports: Counted }[];
  /** From November (China time): next year has no schedule for the unit's street, so its deadlines would count holidays as working days. */
  calendarWarning: CalendarWarning | null;
}

export interface CalendarWarning {
  /** The year without a schedule. */
  year: number;
  street: UnitRef;
}

/**
 * Where a year's days come from: entered by the street's staff, the built-in calendar (chinese-days), or
 * neither (deadlines count Monday to Friday as working days).
 */
export type HolidayYearStatus = 'entered' | 'library' | 'missing';

export interface HolidayYearView {
  year: number;
  status: HolidayYearStatus;
  /** 'YYYY-MM-DD', sorted (may include December of the year before, as a notice can). */
  offDays: string[];
  workdays: string[];
  /** The entered year's version; 0 when not entered (saving creates it). */
  version: number;
  source: HolidaySource | null;
  note: string | null;
  updatedAt: number | null;
  updatedByName: string | null;
}

/** A street's calendar as the 节假日 page shows it: last year, this year and next year. */
export interface StreetHolidays {
  street: UnitRef;
  /** This year in China time. */
  thisYear: number;
  years: HolidayYearView[];
  /** From November: next year has neither an entered schedule nor the built-in calendar's. */
  missingNextYear: boolean;
  /** The caller may enter the street's years (street staff); everyone else reads. */
  canEdit: boolean;
  /** The years that may be saved now (this year and next). */
  editableYears: number[];
}

/** A spreadsheet or .ics read for a year: what saving would enter, and what could not be read. */
export interface HolidayFilePreview {
  year: number;
  source: 'spreadsheet' | 'ics';
  fileName: string;
  offDays: string[];
  workdays: string[];
  entries: HolidayFileEntry[];
  problems: HolidayFileProblem[];
  /** Days of other years in the file, not taken. */
  otherYears: number;
}

export interface AgendaItem {
  report: DeskRow;
  /** Why it is on the agenda, e.g. ["escalated", "overdue"]. */
  reasons: ('escalated' | 'overdue' | 'disputed')[];
}

export interface Agenda {
  unit: UnitRef;
  /** The meeting day (a 3rd, 13th or 23rd), "2026-11-23". */
  date: string;
  /** The previous meeting day: items are what happened since then. */
  since: string;
  escalated: AgendaItem[];
  overdue: AgendaItem[];
  disputed: AgendaItem[];
  /** Topics under the unit whose vote (or opinions' time) ended before the meeting day and that wait for a decision. */
  topics: AgendaTopic[];
}

export type ImportKind = 'units' | 'residents';

export interface ImportRowError {
  /** 1-based row number in the file, counting the header as row 1. */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportPreview {
  kind: ImportKind;
  rows: number;
  /** The first rows as read, for the person to check the columns. */
  sample: Record<string, string>[];
  errors: ImportRowError[];
  /** What a commit would write (zero everywhere when there are errors). */
  willCreate: { units: number; people: number; bindings: number };
  /** Hash of the file content: the commit must send the same file. */
  digest: string;
}

/**
 * Where the browser sends a file before it is previewed: the local host's upload route, or a signed
 * address in the environment's cloud storage. Preview and commit then name the file by `file`.
 */
export interface ImportUpload {
  file: string;
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  /** Send the session token as `Authorization: Bearer …` (the local host's route); a signed address needs none. */
  withToken: boolean;
  /** The largest file taken, in bytes. */
  maxBytes: number;
}

/**
 * Where an import is: its rows saved with it (staging), checked again against the tree as it is now
 * (checking), written (publishing), and finished one way or the other. Nothing it writes is seen
 * before publishing, and a job rolled back has written nothing.
 */
export type ImportJobState = 'staging' | 'checking' | 'publishing' | 'done' | 'rolledBack';

/** An import under way or finished: what the management page's progress bar reads. */
export interface ImportJobView {
  id: string;
  kind: ImportKind;
  fileName: string;
  unitId: string;
  state: ImportJobState;
  /** Done or rolled back: nothing more will happen to it. */
  finished: boolean;
  /** 0..1 through checking and writing. */
  progress: number;
  /** Data rows in the file. */
  rows: number;
  /** What it writes (once done: what it wrote). */
  created: { units: number; people: number; bindings: number };
  /** Why it was rolled back (the row found bad while applying, or row 0 for the whole file); null otherwise. */
  failure: ImportRowError | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface DeskSettings {
  community: UnitRef;
  policy: CommunityPolicy;
  /** True when nothing was saved yet and the defaults apply. */
  isDefault: boolean;
  /** Bumped on each save (0 for defaults); saving needs the version read. */
  version: number;
}

export interface FileDownload {
  fileName: string;
  mimeType: string;
  /** The file, base64. */
  base64: string;
}

export interface AuditView {
  id: string;
  at: number;
  actorName: string | null;
  action: string;
  /** What happened, in Chinese: "受理了反映", "新增单位". */
  actionLabel: string;
  targetKind: string;
  targetId: string;
  /** The target's name or a short description when known. */
  targetName: string | null;
  detail: Record<string, unknown>;
}

export interface BulkResult {
  results: { id: string; ok: boolean; code?: string; message?: string }[];
}
