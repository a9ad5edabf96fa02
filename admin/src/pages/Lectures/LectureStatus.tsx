/** A lecture's state as staff sort it: 草稿, 即将开始 / 进行中, 已结束, 已取消 (the word always shown, colour only helps). */
import { Tag } from 'antd';
import type { LectureStaffView } from '../../api';

export type Shelf = 'upcoming' | 'past' | 'drafts' | 'cancelled';

export const SHELF_LABEL: Record<Shelf, string> = {
  upcoming: '即将举行',
  past: '已结束',
  drafts: '草稿',
  cancelled: '已取消',
};

export function shelfOf(l: Pick<LectureStaffView, 'status' | 'endsAt'>, now: number): Shelf {
  if (l.status === 'draft') return 'drafts';
  if (l.status === 'cancelled') return 'cancelled';
  return l.endsAt <= now ? 'past' : 'upcoming';
}

export function LectureStatusTag({ lecture, now }: { lecture: Pick<LectureStaffView, 'status' | 'startsAt' | 'endsAt'>; now: number }) {
  const shelf = shelfOf(lecture, now);
  if (shelf === 'upcoming' && lecture.startsAt <= now) return <Tag color="green">进行中</Tag>;
  const color: Record<Shelf, string> = { upcoming: 'blue', past: 'default', drafts: 'gold', cancelled: 'red' };
  return <Tag color={color[shelf]}>{shelf === 'upcoming' ? '已发布' : SHELF_LABEL[shelf]}</Tag>;
}
