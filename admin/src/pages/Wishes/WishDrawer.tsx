/**
 * A wish in full, for staff: what, for whom, by when, where; who posted it (or their lead for them);
 * who claimed it and how to reach the wisher; how it was fulfilled (note and photos); whether the
 * wisher confirmed it or the timer did after 7 days, and the points granted.
 */
import { Descriptions, Drawer, Flex, Image, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { WishView } from '../../api';
import { dateTime } from '../../format';
import { WISH_CONFIRM_DAYS } from '../../../../src/core/wishes';
import { WishStatusTag } from './WishStatusTag';

function confirmState(w: WishView): string {
  if (w.confirmedAt) return `${dateTime(w.confirmedAt)} ${w.confirmedByTimer ? `由系统确认（${WISH_CONFIRM_DAYS} 天内无人确认）` : '许愿人已确认'}`;
  if (w.status === 'fulfilled') return `等待许愿人确认（${WISH_CONFIRM_DAYS} 天内无人确认将自动确认）`;
  return '—';
}

export function WishDrawer({ wish, onClose }: { wish: WishView; onClose(): void }) {
  const c = wish.contact;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: '状态', children: <WishStatusTag status={wish.status} label={wish.statusLabel} /> },
    { key: 'what', label: '心愿', children: wish.what },
    { key: 'forWhom', label: '为谁', children: wish.forWhom },
    { key: 'byDate', label: '希望实现日期', children: wish.byDate },
    { key: 'place', label: '地点', children: c?.place ?? [wish.place, wish.building?.name].filter(Boolean).join(' · ') },
    { key: 'posted', label: '提交', children: `${wish.postedBy?.name ?? '—'}${wish.postedVia === 'lead' ? '（楼栋长或网格长代居民提交）' : ''} · ${dateTime(wish.createdAt)}` },
    ...(wish.rejectReason ? [{ key: 'reject', label: '不通过原因', children: wish.rejectReason }] : []),
    { key: 'claimer', label: '认领人', children: wish.claimer ? `${wish.claimer.name}${wish.claimedAt ? ` · ${dateTime(wish.claimedAt)} 认领` : ''}` : '—' },
    {
      key: 'contact',
      label: '联系方式',
      children: c ? (
        <Flex vertical>
          {c.lead && <span>{`${c.lead.roleLabel} ${c.lead.name}${c.lead.phone ? ` · ${c.lead.phone}` : ''}`}</span>}
          <span>{c.phone ? `许愿人电话 ${c.phone}` : '许愿人未公开电话'}</span>
        </Flex>
      ) : (
        '—'
      ),
    },
    { key: 'note', label: '实现情况', children: wish.fulfilNote ? `${wish.fulfilNote}${wish.fulfilledAt ? `（${dateTime(wish.fulfilledAt)}）` : ''}` : '—' },
    {
      key: 'photos',
      label: '照片',
      children: wish.fulfilPhotos.length ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {wish.fulfilPhotos.map((p) => (
              <Image key={p} src={p} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt="实现心愿的照片" />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : (
        <Typography.Text type="secondary">没有照片</Typography.Text>
      ),
    },
    { key: 'confirm', label: '确认', children: confirmState(wish) },
    { key: 'points', label: '积分', children: wish.points !== null ? `认领人获得 ${wish.points} 分` : '—' },
  ];
  return (
    <Drawer open title={wish.what} size={560} onClose={onClose} destroyOnHidden>
      <Descriptions column={1} size="small" bordered items={items} styles={{ label: { width: 120 } }} />
    </Drawer>
  );
}
