import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { describeDays, monthDay, weekdayName, weekdayOf } from './dates';
import './holidays.css';

interface Props {
  year: number;
  offDays: readonly string[];
  workdays: readonly string[];
  /** Days whose meaning a save would change: outlined and said so. */
  changed?: ReadonlySet<string>;
  /** China date of today, outlined when in the year. */
  today?: string;
}

const HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The twelve months of a year, Monday first as Chinese calendars are. Off days carry 休 and swapped
 * workdays 班 (the marks printed calendars use), so they read without colour; each day says what it is
 * to a screen reader too.
 */
export function YearCalendar({ year, offDays, workdays, changed, today }: Props) {
  const off = useMemo(() => new Set(offDays), [offDays]);
  const work = useMemo(() => new Set(workdays), [workdays]);
  const before = offDays.filter((d) => !d.startsWith(`${year}-`));
  const beforeWork = workdays.filter((d) => !d.startsWith(`${year}-`));

  return (
    <Flex vertical gap={8}>
      <div className="hol-year" data-testid="year-calendar" data-year={year}>
        {Array.from({ length: 12 }, (_, m) => {
          const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
          const lead = (weekdayOf(`${year}-${pad(m + 1)}-01`) + 6) % 7;
          return (
            <section key={m} className="hol-month" aria-label={`${year}年${m + 1}月`}>
              <div className="hol-month-title">{m + 1}月</div>
              <div className="hol-grid" role="grid">
                {HEAD.map((h, i) => (
                  <div key={h} className={`hol-head${i >= 5 ? ' hol-weekend' : ''}`} aria-hidden>
                    {h}
                  </div>
                ))}
                {Array.from({ length: lead }, (_, i) => (
                  <div key={`l${i}`} aria-hidden />
                ))}
                {Array.from({ length: days }, (_, i) => {
                  const date = `${year}-${pad(m + 1)}-${pad(i + 1)}`;
                  const kind = off.has(date) ? 'off' : work.has(date) ? 'work' : null;
                  const w = weekdayOf(date);
                  const isChanged = changed?.has(date) ?? false;
                  const what = kind === 'off' ? '放假' : kind === 'work' ? '调休上班' : w === 0 || w === 6 ? '周末' : '工作日';
                  const cls = ['hol-day', kind ? `hol-${kind}` : '', !kind && (w === 0 || w === 6) ? 'hol-weekend' : '', isChanged ? 'hol-changed' : '', date === today ? 'hol-today' : '']
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <div
                      key={date}
                      role="gridcell"
                      className={cls}
                      data-date={date}
                      data-kind={kind ?? undefined}
                      title={`${monthDay(date, year)} ${weekdayName(date)} ${what}${isChanged ? '（保存后改变）' : ''}`}
                      aria-label={`${m + 1}月${i + 1}日 ${weekdayName(date)} ${what}${isChanged ? '，保存后改变' : ''}`}
                    >
                      {i + 1}
                      {kind ? <span className="hol-mark">{kind === 'off' ? '休' : '班'}</span> : null}
                    </div>
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
      {before.length + beforeWork.length > 0 && (
        <Typography.Text type="secondary">
          另含上一年 12 月：{before.length ? `放假 ${describeDays(before, year, false)}` : ''}
          {beforeWork.length ? ` 上班 ${describeDays(beforeWork, year, false)}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The legend beside the calendar: what 休, 班 and a dashed outline mean. */
export function CalendarLegend({ withChanges }: { withChanges?: boolean }) {
  return (
    <Flex gap={12} align="center" wrap className="hol-legend">
      <span>
        <span className="hol-day hol-off hol-sample">
          1<span className="hol-mark">休</span>
        </span>
        放假
      </span>
      <span>
        <span className="hol-day hol-work hol-sample">
          1<span className="hol-mark">班</span>
        </span>
        调休上班
      </span>
      {withChanges && (
        <span>
          <span className="hol-day hol-changed hol-sample">1</span>保存后改变
        </span>
      )}
    </Flex>
  );
}
