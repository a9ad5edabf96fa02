/** A small fast PRNG (mulberry32): the same seed gives the same data everywhere. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    /** A number between `min` and `max`. */
    between: (min: number, max: number) => min + next() * (max - min),
    chance: (p: number) => next() < p,
  };
}

export type Rng = ReturnType<typeof rng>;
