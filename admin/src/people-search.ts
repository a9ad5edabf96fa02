import { ApiError } from './api';

/**
 * What a people search said when it stopped at its bound (the cloud store reads a bounded number of
 * matches: "王" among a city's people): its words, to show in the dropdown where the people would
 * be, asking for more of the name or the phone. Null for any other failure, which goes to onError.
 */
export function searchBoundNote(e: unknown): string | null {
  return e instanceof ApiError && e.code === 'INPUT.INVALID' && e.field === 'q' ? e.message : null;
}
