/** The dashboard's two 12-month charts: the three rates, and reports resolved at each level; a click opens the desk on what a point counts. */
import { Empty } from 'antd';
import { useMemo } from 'react';
import type { MonthFigures } from '../../api';
import { EChart } from '../../charts/EChart';
import { openDesk } from '../../components/CountLink';
import { LEVEL_LABEL } from '../../core';
import { LEVEL_COLORS, levelsIn, RATE_KEYS, RATE_NAMES } from './figures';

export function RatesChart({ months }: { months: MonthFigures[] }) {
  const empty = months.every((m) => RATE_KEYS.every((k) => m[k].rate === null));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: RATE_KEYS.map((k) => ({
        name: RATE_NAMES[k].title,
        type: 'line',
        smooth: false,
        connectNulls: false,
        symbolSize: 8,
        data: months.map((m) => (m[k].rate === null ? null : Math.round(m[k].rate! * 1000) / 10)),
      })),
    }),
    [months],
  );
  if (empty) return <Empty style={{ height: 260, paddingTop: 70, margin: 0 }} description="近 12 个月还没有可统计的反映" />;
  return (
    <EChart
      label="近 12 个月响应率、按时办结率、满意率折线图"
      option={option}
      height={260}
      onClick={({ seriesIndex, dataIndex }) => {
        const m = months[dataIndex];
        if (m) openDesk(m[RATE_KEYS[seriesIndex]].denominator);
      }}
    />
  );
}

export function LevelsChart({ months }: { months: MonthFigures[] }) {
  // Every month carries the same levels (the server decides them once for the page).
  const levels = useMemo(() => (months.length ? levelsIn(months[0].resolvedAtLevel) : []), [months]);
  const empty = months.every((m) => levels.every((l) => (m.resolvedAtLevel[l]?.value ?? 0) === 0));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: levels.map((l) => ({
        name: LEVEL_LABEL[l],
        type: 'bar',
        stack: 'level',
        itemStyle: { color: LEVEL_COLORS[l] },
        data: months.map((m) => m.resolvedAtLevel[l]?.value ?? 0),
      })),
    }),
    [months, levels],
  );
  if (empty) return <Empty style={{ height: 260, paddingTop: 70, margin: 0 }} description="近 12 个月还没有办结的反映" />;
  return (
    <EChart
      label="近 12 个月各级办结件数柱状图"
      option={option}
      height={260}
      onClick={({ seriesIndex, dataIndex }) => {
        const m = months[dataIndex];
        const count = m?.resolvedAtLevel[levels[seriesIndex]];
        if (count) openDesk(count);
      }}
    />
  );
}
