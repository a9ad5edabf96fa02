/**
 * 讲座: the community's lectures on shelves — 即将举行, 已结束, 草稿, 已取消 — each with its seats,
 * and what staff do next: edit, publish a draft, cancel, open the roster (名单) and the venue screen.
 */
import { App, Button, Flex, Popconfirm, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import type { LectureStaffView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { navigate, replaceSearch, useSearch } from '../../router';
import { CancelLecture } from './CancelLecture';
import { CommunityPicker, NotLectureStaff, useLectureCommunity } from './community';
import { LectureDrawer } from './LectureDrawer';
import { LectureStatusTag, SHELF_LABEL, shelfOf } from './LectureStatus';
import type { Shelf } from './LectureStatus';
import { lectureWhen } from './times';

const SHELVES: Shelf[] = ['upcoming', 'past', 'drafts', 'cancelled'];

export default function LecturesPage() {
  const choice = useLectureCommunity();
  const { communityId } = choice;
  const search = useSearch();
  const { message } = App.useApp();
  const fail = useFailure();
  const [lectures, setLectures] = useState<LectureStaffView[] | null>(null);
  const [editing, setEditing] = useState<LectureStaffView | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<LectureStaffView | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const asked = new URLSearchParams(search).get('shelf') as Shelf | null;
  const shelf: Shelf = asked && SHELVES.includes(asked) ? asked : 'upcoming';

  const load = useCallback(async () => {
    if (!communityId) return;
    setNow(Date.now());
    try {
      setLectures((await api.lectures.managed({ communityId })).lectures);
    } catch (e) {
      fail(e);
      setLectures([]);
    }
  }, [communityId, fail]);
  useEffect(() => void load(), [load]);

  const byShelf = useMemo(() => {
    const m: Record<Shelf, LectureStaffView[]> = { upcoming: [], past: [], drafts: [], cancelled: [] };
    for (const l of lectures ?? []) m[shelfOf(l, now)].push(l);
    // The next one first while it is coming; the latest first once given.
    m.upcoming.sort((a, b) => a.startsAt - b.startsAt);
    m.drafts.sort((a, b) => a.startsAt - b.startsAt);
    return m;
  }, [lectures, now]);

  function setShelf(s: string) {
    const q = new URLSearchParams(search);
    q.set('shelf', s);
    replaceSearch(q.toString());
  }

  async function publish(l: LectureStaffView) {
    try {
      const p = await api.lectures.publish({ id: l.id, version: l.version });
      message.success(`已发布「${p.title}」，居民现在可以看到并报名`);
      await load();
    } catch (e) {
      fail(e);
      await load();
    }
  }

  if (!communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="讲座" />
        <NotLectureStaff />
      </Flex>
    );
  }

  const openRoster = (l: LectureStaffView) => navigate('lectures/roster', { search: `id=${encodeURIComponent(l.id)}` });
  const columns: TableColumnsType<LectureStaffView> = [
    {
      title: '讲座',
      key: 'title',
      render: (_, l) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => openRoster(l)}>
            {l.title}
          </Typography.Link>
          <Typography.Text type="secondary">{l.speaker ? [l.speaker.name, l.speaker.title].filter(Boolean).join(' · ') : '—'}</Typography.Text>
        </Flex>
      ),
    },
    { title: '时间', key: 'when', width: 220, render: (_, l) => lectureWhen(l.startsAt, l.endsAt) },
    { title: '地点', dataIndex: 'venue', width: 200, ellipsis: true },
    {
      title: '报名',
      key: 'seats',
      width: 150,
      render: (_, l) => (
        <Flex vertical>
          <span data-testid="lecture-seats">
            {l.confirmedSeats} / {l.capacity} 人
          </span>
          {l.waiting > 0 && <Typography.Text type="secondary">候补 {l.waiting} 组</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, l) => (
        <Flex vertical gap={2}>
          <span>
            <LectureStatusTag lecture={l} now={now} />
          </span>
          {l.cancelReason && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: l.cancelReason }} style={{ maxWidth: 100 }}>
              {l.cancelReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_, l) => (
        <Flex gap={4} wrap>
          {l.status !== 'draft' && (
            <Button size="small" type="link" onClick={() => openRoster(l)}>
              名单
            </Button>
          )}
          {l.status !== 'cancelled' && (
            <Button size="small" type="link" onClick={() => setEditing(l)}>
              编辑
            </Button>
          )}
          {l.status === 'draft' && (
            <Popconfirm title={`发布「${l.title}」？`} description="发布后报名范围内的居民就能看到并报名。" okText="发布" cancelText="取消" onConfirm={() => publish(l)}>
              <Button size="small" type="link">
                发布
              </Button>
            </Popconfirm>
          )}
          {l.status !== 'cancelled' && l.endsAt > now && (
            <Button size="small" type="link" danger onClick={() => setCancelling(l)}>
              取消讲座
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="讲座" hint="新建的讲座先存为草稿，发布后居民才能看到并报名。">
        <CommunityPicker choice={choice} />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
        <Button type="primary" onClick={() => setEditing('new')}>
          新建讲座
        </Button>
      </PageHeader>
      <Tabs activeKey={shelf} onChange={setShelf} items={SHELVES.map((s) => ({ key: s, label: `${SHELF_LABEL[s]}${lectures ? `（${byShelf[s].length}）` : ''}` }))} />
      <Table<LectureStaffView>
        rowKey="id"
        columns={columns}
        dataSource={byShelf[shelf]}
        loading={lectures === null}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: shelf === 'upcoming' ? '没有即将举行的讲座：点右上角“新建讲座”' : `没有${SHELF_LABEL[shelf]}的讲座` }}
      />
      {editing && (
        <LectureDrawer
          communityId={communityId}
          lecture={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(l) => {
            setEditing(null);
            if (l.status === 'draft') setShelf('drafts');
            void load();
          }}
        />
      )}
      {cancelling && (
        <CancelLecture
          lecture={cancelling}
          onClose={() => setCancelling(null)}
          onStale={() => void load()}
          onCancelled={() => {
            setCancelling(null);
            void load();
          }}
        />
      )}
    </Flex>
  );
}
