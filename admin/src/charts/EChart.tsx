import { Flex, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: EChartsCoreOption;
  height: number;
  onClick?(p: ChartClick): void;
  /** For tests and assistive tech: what the chart shows. */
  label: string;
}

/** One chart; ECharts itself is fetched the first time a chart is on screen. */
export function EChart({ option, height, onClick, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
      c.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }));
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', height }} role="img" aria-label={label}>
      <div ref={el} style={{ height, cursor: onClick ? 'pointer' : undefined }} />
      {!ready && (
        <Flex justify="center" align="center" style={{ position: 'absolute', inset: 0 }}>
          <Spin />
        </Flex>
      )}
    </div>
  );
}
