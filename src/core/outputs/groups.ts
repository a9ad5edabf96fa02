/** Outputs of the groups function: the building a group is bound to, and a report shared as a card. */
import type { ReportSummary, UnitRef } from '../views';

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
