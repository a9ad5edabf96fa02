import { buildStreetCalendar, type Clock, type StreetCalendar } from '../../src/core';
import type { Store } from './store/port';

/** Each street's working-day calendar, for the deadlines of its reports. */
export interface StreetCalendars {
  /** The street's calendar: its entered years, then chinese-days, then weekends (src/core/holidays.ts). */
  forStreet(streetId: string): Promise<StreetCalendar>;
  /** Drops the street's cached calendar: call it after saving one of its years. */
  forget(streetId: string): void;
}

export const CALENDAR_TTL_MS = 60_000;

/**
 * Calendars loaded from the store and kept for a minute per process (per warm instance in the cloud).
 * A saved year reaches the clocks started after it: a deadline already set is not counted again, and
 * another instance may start clocks on the old calendar for up to a minute (this one forgets at once).
 */
export function storeCalendars(store: Store, clock: Clock, ttlMs = CALENDAR_TTL_MS): StreetCalendars {
  const cache = new Map<string, { at: number; calendar: Promise<StreetCalendar> }>();
  return {
    forStreet(streetId) {
      const now = clock.now();
      const hit = cache.get(streetId);
      if (hit && now - hit.at < ttlMs) return hit.calendar;
      // The promise is kept, so callers asking at once share one read.
      const calendar = store.holidays.listForStreet(streetId).then(buildStreetCalendar);
      cache.set(streetId, { at: now, calendar });
      calendar.catch(() => {
        if (cache.get(streetId)?.calendar === calendar) cache.delete(streetId);
      });
      return calendar;
    },
    forget(streetId) {
      cache.delete(streetId);
    },
  };
}
