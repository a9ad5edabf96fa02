/**
 * 讲堂统计: a month's lectures of the community, each with signed up, attended, attendance rate and
 * no-shows, and the month's totals (rates over the lectures already given). `?month=2026-12`.
 */
import { Button, DatePicker, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { LectureFigures, LectureMonthFigures } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { percent } from '../../format';
import { navigate, replaceSearch, useSearch } from '../../router';
import { CommunityPicker, NotLectureStaff, useLectureCommunity } from './community';
import { FigureStrip } from './FigureStrip';
import { chinaMonth, lectureWhen } from './times';

type Row = LectureMonthFigures['lectures'][number];

export default function FiguresPage() {
  const choice = useLectureCommunity();
  const { communityId } = choice;
  const search = useSearch();
  const fail = useFailure();
  const asked = new URLSearchParams(search).get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : chinaMonth(Date.now());
  const [figures, setFigures] = useState<LectureMonthFigures | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!communityId) return;
    setLoading(true);
    try {
      setFigures(await api.lectures.figures({ communityId, month }));
    } catch (e) {
      fail(e);
      setFigures(null);
    } finally {
      setLoading(false);
    }
  }, [communityId, month, fail]);
  useEffect(() => void load(), [load]);

  if (!communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="讲堂统计" />
        <NotLectureStaff />
      </Flex>
    );
  }

  function setMonth(m: string) {
    const q = new URLSearchParams(search);
    q.set('month', m);
    replaceSearch(q.toString());
  }

  const figure = (pick: (f: LectureFigures) => string | number | null) => (_: unknown, r: Row) => pick(r.figures) ?? '—';
  const columns: TableColumnsType<Row> = [
    {
      title: '讲座',
      key: 'title',
      render: (_, r) => (
        <Typography.Link onClick={() => navigate('lectures/roster', { search: `id=${encodeURIComponent(r.lecture.id)}` })}>{r.lecture.title}</Typography.Link>
      ),
    },
    { title: '时间', key: 'when', width: 220, render: (_, r) => lectureWhen(r.lecture.startsAt, r.lecture.endsAt) },
    { title: '状态', key: 'status', width: 90, render: (_, r) => r.lecture.statusLabel },
    { title: '报名人数', key: 'signedUp', width: 100, align: 'right', render: figure((f) => f.signedUp) },
    { title: '候补', key: 'waiting', width: 80, align: 'right', render: figure((f) => f.waiting) },
    { title: '签到人数', key: 'attended', width: 100, align: 'right', render: figure((f) => f.attended) },
    { title: '签到率', key: 'rate', width: 100, align: 'right', render: (_, r) => <span data-testid="lecture-rate">{percent(r.figures.attendanceRate)}</span> },
    { title: '未到', key: 'noShows', width: 80, align: 'right', render: figure((f) => f.noShows) },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="讲堂统计" hint="按月统计每场讲座的报名、签到和未到人数；签到率在讲座开始后计算，未到人数在讲座结束后计算。">
        <CommunityPicker choice={choice} />
        <DatePicker picker="month" aria-label="月份" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </PageHeader>
      {figures && <FigureStrip figures={figures.total} testId="month-figures" />}
      <Table<Row>
        rowKey={(r) => r.lecture.id}
        columns={columns}
        dataSource={figures?.lectures ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月没有讲座` }}
      />
    </Flex>
  );
}
