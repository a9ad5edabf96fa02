import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './api';
import type { PersonView } from './api';

/**
 * What a people search said when it stopped at its bound (the cloud store reads a bounded number of
 * matches: "王" among a city's people): its words, to show in the dropdown where the people would
 * be, asking for more of the name or the phone. Null for any other failure, which goes to onError.
 */
export function searchBoundNote(e: unknown): string | null {
  return e instanceof ApiError && e.code === 'INPUT.INVALID' && e.field === 'q' ? e.message : null;
}

/**
 * The people search behind every person picker (by name or phone, in the caller's scope): it fires once
 * typing pauses, and an answer to an older query never replaces a newer one. `setPeople` receives each
 * answer (a picker keeps the list itself, or hands it to a form that needs it too).
 */
export function usePeopleSearch(onError: (e: unknown) => void, setPeople: (list: PersonView[]) => void) {
  const [searching, setSearching] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = useCallback(
    (q: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        const mine = ++seq.current;
        setSearching(true);
        try {
          const found = await api.people.search({ q: q.trim() || undefined, limit: 20 });
          if (mine === seq.current) {
            setPeople(found);
            setNote(null);
          }
        } catch (e) {
          const bound = searchBoundNote(e);
          if (!bound) onError(e);
          else if (mine === seq.current) {
            setPeople([]);
            setNote(bound);
          }
        } finally {
          if (mine === seq.current) setSearching(false);
        }
      }, 250);
    },
    [onError, setPeople],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { search, searching, note };
}
