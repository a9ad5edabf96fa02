/** Time comes in through a Clock so every rule can be tested with a fixed one. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Ids come in through an IdSource so tests can predict them. */
export interface IdSource {
  next(prefix?: string): string;
}

export function fixedClock(start: number | string | Date): Clock & { advance(ms: number): void; set(t: number | string | Date): void } {
  let t = new Date(start).getTime();
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(v) {
      t = new Date(v).getTime();
    },
  };
}

export function sequentialIds(start = 1): IdSource {
  let n = start;
  return {
    next(prefix = 'id') {
      return `${prefix}_${String(n++).padStart(6, '0')}`;
    },
  };
}
