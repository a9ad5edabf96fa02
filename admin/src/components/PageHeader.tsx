import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The head of a management page: its title, a line saying what the page is for, and the page's
 * controls (unit, date, refresh…) at the right.
 */
export function PageHeader(props: { title: ReactNode; hint?: ReactNode; children?: ReactNode; className?: string; wrap?: boolean }) {
  return (
    <Flex align="center" gap={12} wrap={props.wrap} className={props.className}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {props.hint ? <Typography.Text type="secondary">{props.hint}</Typography.Text> : null}
      {props.children ? (
        <Flex gap={8} align="center" style={{ marginLeft: 'auto' }}>
          {props.children}
        </Flex>
      ) : null}
    </Flex>
  );
}
