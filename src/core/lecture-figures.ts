/** A lecture's figures and a month's: signed up, waiting, attended, attendance rate, no-shows. */
import type { Lecture, Signup } from './lectures';

/** A lecture's (or a month's) attendance figures, in people (a party of 3 counts 3). */
export interface LectureFigures {
  /** Confirmed seats: people signed up. */
  signedUp: number;
  /** Parties still on the waiting list. */
  waiting: number;
  /** People of the parties marked present. */
  attended: number;
  /** attended / signedUp, 0–1; null when nobody signed up or before the lecture starts. */
  attendanceRate: number | null;
  /** signedUp − attended once the lecture has ended; null before. */
  noShows: number | null;
}

/** The figures of one lecture from its sign-ups, at `now` (a cancelled lecture counts nothing). */
export function lectureFigures(l: Pick<Lecture, 'status' | 'startsAt' | 'endsAt'>, signups: readonly Signup[], now: number): LectureFigures {
  if (l.status === 'cancelled') return { signedUp: 0, waiting: 0, attended: 0, attendanceRate: null, noShows: null };
  let signedUp = 0;
  let waiting = 0;
  let attended = 0;
  for (const s of signups) {
    if (s.status === 'confirmed') {
      signedUp += s.seats;
      if (s.attendedAt !== null) attended += s.seats;
    } else if (s.status === 'waiting') waiting++;
  }
  const started = now >= l.startsAt;
  return {
    signedUp,
    waiting,
    attended,
    attendanceRate: started && signedUp > 0 ? attended / signedUp : null,
    noShows: now >= l.endsAt ? signedUp - attended : null,
  };
}

/** Figures added up (a month's lectures): rates over the lectures that have them. */
export function sumLectureFigures(all: readonly LectureFigures[]): LectureFigures {
  const sum = (f: (x: LectureFigures) => number) => all.reduce((n, x) => n + f(x), 0);
  const started = all.filter((f) => f.attendanceRate !== null);
  const startedSignedUp = started.reduce((n, f) => n + f.signedUp, 0);
  const ended = all.filter((f) => f.noShows !== null);
  return {
    signedUp: sum((f) => f.signedUp),
    waiting: sum((f) => f.waiting),
    attended: sum((f) => f.attended),
    attendanceRate: startedSignedUp > 0 ? started.reduce((n, f) => n + f.attended, 0) / startedSignedUp : null,
    noShows: ended.length > 0 ? ended.reduce((n, f) => n + (f.noShows ?? 0), 0) : null,
  };
}
