import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { Counted } from '../api';
import { filterToSearch } from '../deskFilter';
import { navigate } from '../router';

/** Opens the report desk on exactly the reports behind a number. */
export function openDesk(c: Counted): void {
  navigate('desk', { search: filterToSearch({ filter: c.filter }) });
}

interface Props {
  count: Counted;
  /** Names the number for tests and screen readers: "totals.open". */
  id: string;
  title: string;
  style?: CSSProperties;
  /** Grey when zero, red when a non-zero count is bad news. */
  tone?: 'danger' | 'warning';
}

/** A dashboard number: click it to see the reports it counts. */
export function CountLink({ count, id, title, style, tone }: Props) {
  const color = count.value === 0 ? 'rgba(0,0,0,0.35)' : tone === 'danger' ? '#cf1322' : tone === 'warning' ? '#d46b08' : undefined;
  return (
    <Typography.Link
      data-count={id}
      data-value={count.value}
      title={`${title}：${count.value} 件，点击查看这些反映`}
      onClick={() => openDesk(count)}
      style={{ color, fontSize: 'inherit', fontVariantNumeric: 'tabular-nums', ...style }}
    >
      {count.value}
    </Typography.Link>
  );
}
