/** Outputs of the lectures function: speakers, lectures, sign-ups, rosters, attendance and figures. */
import type { UnitRef } from '../views';
import type { AttendanceVia, LectureStatus, SignupStatus } from '../lectures';
import type { LectureFigures } from '../lecture-figures';
import type { ImportUpload } from '../management';

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

/**
 * Where the management page sends a lecture's picture: the same ticket an import's spreadsheet gets
 * (ImportUpload), except that locally the host's photo route names the stored picture in its answer.
 */
export interface PictureUpload extends Omit<ImportUpload, 'file'> {
  /** What the lecture saves as its picture once the bytes are sent; null: the `id` the upload's answer gives. */
  file: string | null;
}
