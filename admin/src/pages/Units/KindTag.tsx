import { Tag } from 'antd';
import type { UnitKind } from '../../api';
import { UNIT_KIND_LABEL } from '../../core';

const KIND_COLOR: Record<UnitKind, string> = {
  street: 'red',
  community: 'volcano',
  compound: 'blue',
  grid: 'cyan',
  building: 'green',
};

export function KindTag({ kind, muted }: { kind: UnitKind; muted?: boolean }) {
  return (
    <Tag variant="filled" color={muted ? 'default' : KIND_COLOR[kind]} style={{ marginInlineStart: 8 }}>
      {UNIT_KIND_LABEL[kind]}
    </Tag>
  );
}
