/**
 * What a page reads from the server when it opens, when what it depends on changes, and on 刷新: the
 * answer, whether it is on its way, and the refusal (said once through useFailure, and kept for the
 * page to show beside its table). Only the newest ask may set the answer: a slow earlier one is dropped.
 */
import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { useFailure } from './feedback';

export interface Loaded<T> {
  data: T | null;
  /** For a change the page made itself (a row revoked, a key issued): no second read. */
  setData: Dispatch<SetStateAction<T | null>>;
  loading: boolean;
  error: string | null;
  reload(): void;
}

/** `load` is null while the page cannot ask yet (no unit chosen, a unit that has none): nothing is read. */
export function useLoaded<T>(load: (() => Promise<T>) | null, deps: DependencyList): Loaded<T> {
  const fail = useFailure();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const asks = load !== null;

  useEffect(() => {
    if (!load) return;
    let live = true;
    setLoading(true);
    load()
      .then(
        (r) => {
          if (!live) return;
          setData(r);
          setError(null);
        },
        (e) => {
          const err = fail(e);
          if (live && err) {
            setData(null);
            setError(err.message);
          }
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // `load` is a new closure each render; what it reads is in `deps`.
  }, [...deps, asks, tick, fail]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, setData, loading, error, reload };
}
