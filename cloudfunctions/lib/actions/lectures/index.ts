/**
 * Community lectures (讲堂), the `lectures` function: the speaker pool and lectures for staff (create,
 * edit, publish, cancel, roster, spreadsheet, figures), sign-ups for residents (the open list, a
 * lecture's page, sign up, cancel, 我的报名), and attendance (the attendee's code scanned by staff, the
 * venue screen's code scanned by the attendee, names ticked). Who may do which: MANAGES_LECTURES and
 * SIGNS_UP_FOR_LECTURES in src/core/lectures.ts; the seats: the Store (LectureRepo).
 */
import type { FunctionDef } from '../define';
import { attend } from './attend';
import { cancel } from './cancel';
import { cancelSignup } from './cancel-signup';
import { create } from './create';
import { detail } from './detail';
import { edit } from './edit';
import { exportRoster } from './export-roster';
import { figures } from './figures';
import { managed } from './managed';
import { markAttendanceByCode } from './mark-attendance';
import { mine } from './mine';
import { open } from './open';
import { pictureUpload } from './picture-upload';
import { publish } from './publish';
import { roster } from './roster';
import { signUp } from './sign-up';
import { speakers } from './speakers';
import { tick } from './tick';
import { venueCode } from './venue-code';

export const lectures: FunctionDef = {
  ...speakers,
  ...managed,
  ...create,
  ...edit,
  ...pictureUpload,
  ...publish,
  ...cancel,
  ...roster,
  ...exportRoster,
  ...figures,
  ...open,
  ...detail,
  ...signUp,
  ...cancelSignup,
  ...mine,
  ...markAttendanceByCode,
  ...tick,
  ...venueCode,
  ...attend,
};
