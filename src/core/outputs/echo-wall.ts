/** The echo wall (回音壁) as reports.echoWall answers it: public, so nothing in it names, calls or finds anyone. */
import type { EchoEntry } from '../reports/echo-wall';
import type { UnitRef } from '../views';

export interface EchoWallMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Reports on the wall that month. */
  count: number;
}

export interface EchoWall {
  compound: UnitRef;
  /** "城关街道 幸福社区 幸福里小区". */
  trail: string;
  month: string;
  /** The months offered (ECHO_WALL_MONTHS, newest first) with their counts; a month with none is offered too, counted 0. */
  months: EchoWallMonth[];
  /** Photos are addresses the reader can load. */
  entries: EchoEntry[];
  /** All the month's entries, of which `entries` shows at most ECHO_WALL_MAX. */
  total: number;
  tally: { resolved: number; onTime: number; rated: number; satisfied: number };
}
