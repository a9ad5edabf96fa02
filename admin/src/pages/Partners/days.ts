/** China days as the partners function takes them ("2026-12-20"), and as a date picker holds them (a wall-clock day, whatever the desk's zone). */
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';

/** A picked day as the function takes it. */
export const dayOf = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A stored day as a picker value. */
export const pickerDay = (day: string): Dayjs => dayjs(day);
