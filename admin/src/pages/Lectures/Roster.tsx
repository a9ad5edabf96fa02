/**
 * A lecture's roster (名单), `lectures/roster?id=<lecture>`: the figures, who has a seat (with their
 * attendance, and a tick for people without phones), the waiting list in order; printed as a sign-in
 * sheet, exported as .xlsx, and the way to the venue screen.
 */
import { App, Button, Descriptions, Flex, Popconfirm, Result, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DesktopOutlined, DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { LectureRoster, RosterEntry } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { saveDownload } from '../../download';
import { useFailure } from '../../feedback';
import { dateTime } from '../../format';
import { navigate, useSearch } from '../../router';
import { formatChina } from '../../../../src/core/time';
import { FigureStrip } from './FigureStrip';
import { LectureStatusTag } from './LectureStatus';
import { PrintSheet } from './PrintSheet';
import { lectureWhen } from './times';

/** Set only while the roster is shown: global.css prints the agenda landscape, this sheet is portrait. */
const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm; }';

const party = (e: RosterEntry) => (e.companions > 0 ? `${e.seats} 人（带 ${e.companions} 位同行）` : '1 人');

export default function RosterPage() {
  const id = new URLSearchParams(useSearch()).get('id');
  const { message } = App.useApp();
  const fail = useFailure();
  const [roster, setRoster] = useState<LectureRoster | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [ticking, setTicking] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return setMissing('没有指定讲座');
    try {
      setRoster(await api.lectures.roster({ id }));
    } catch (e) {
      const err = fail(e);
      if (err && (err.code === 'LECTURE.NOT_FOUND' || err.code === 'AUTH.FORBIDDEN')) setMissing(err.message);
    }
  }, [id, fail]);
  useEffect(() => void load(), [load]);

  async function tick(e: RosterEntry) {
    if (!roster) return;
    setTicking(e.signupId);
    try {
      const marked = await api.lectures.tick({ lectureId: roster.lecture.id, personId: e.person.id });
      message.success(marked.first ? `已为${marked.person.name}签到（${marked.seats} 人）` : `${marked.person.name}已经签过到了（${marked.viaLabel}）`);
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setTicking(null);
    }
  }

  async function exportRoster() {
    if (!roster) return;
    setExporting(true);
    try {
      const file = await api.lectures.exportRoster({ id: roster.lecture.id });
      saveDownload(file);
      message.success(`已生成「${file.fileName}」，请在浏览器的下载中查看`);
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  }

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('lectures')}>
      返回讲座
    </Button>
  );
  if (missing) return <Result status="404" title="找不到这场讲座" subTitle={missing} extra={back} />;
  if (!roster)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );

  const { lecture } = roster;
  const now = Date.now();
  const cancelled = lecture.status === 'cancelled';
  const confirmedColumns: TableColumnsType<RosterEntry> = [
    { title: '序号', key: 'n', width: 64, render: (_, __, i) => i + 1 },
    { title: '姓名', key: 'name', width: 110, render: (_, e) => e.person.name },
    { title: '电话', key: 'phone', width: 140, render: (_, e) => e.person.phone ?? '—' },
    { title: '住址', dataIndex: 'home', render: (v: string | null) => v ?? '—' },
    { title: '人数', key: 'party', width: 170, render: (_, e) => party(e) },
    { title: '报名时间', key: 'at', width: 170, render: (_, e) => (e.promotedAt ? `${dateTime(e.signedUpAt)}（候补转正）` : dateTime(e.signedUpAt)) },
    {
      title: '签到',
      key: 'attended',
      width: 260,
      render: (_, e) =>
        e.attendedAt ? (
          <Flex gap={6} align="center" data-testid="attended">
            <Tag color="green" icon={<CheckOutlined />}>
              已签到 {formatChina(e.attendedAt, 'HH:mm')}
            </Tag>
            <Typography.Text type="secondary">{e.attendedViaLabel}</Typography.Text>
          </Flex>
        ) : cancelled ? (
          '—'
        ) : (
          <Popconfirm title={`为${e.person.name}签到？`} description={`${party(e)}，用于没有手机或扫不了码的居民`} okText="签到" cancelText="取消" onConfirm={() => tick(e)}>
            <Button size="small" loading={ticking === e.signupId}>
              勾选签到
            </Button>
          </Popconfirm>
        ),
    },
  ];
  const waitingColumns: TableColumnsType<RosterEntry> = [
    { title: '顺位', dataIndex: 'place', width: 64 },
    { title: '姓名', key: 'name', width: 110, render: (_, e) => e.person.name },
    { title: '电话', key: 'phone', width: 140, render: (_, e) => e.person.phone ?? '—' },
    { title: '住址', dataIndex: 'home', render: (v: string | null) => v ?? '—' },
    { title: '人数', key: 'party', width: 170, render: (_, e) => party(e) },
    { title: '报名时间', key: 'at', width: 170, render: (_, e) => dateTime(e.signedUpAt) },
  ];
  const attended = roster.confirmed.filter((e) => e.attendedAt !== null);

  return (
    <>
      <style>{PAGE_RULE}</style>
      <Flex vertical gap={16} className="no-print">
        <PageHeader title={lecture.title} wrap>
          {back}
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印签到表
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRoster()}>
            {exporting ? '正在生成…' : '导出 Excel'}
          </Button>
          {lecture.status === 'published' && (
            <Button type="primary" icon={<DesktopOutlined />} onClick={() => navigate('lectures/venue', { search: `id=${encodeURIComponent(lecture.id)}` })}>
              现场签到码
            </Button>
          )}
        </PageHeader>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label="状态">
            <LectureStatusTag lecture={lecture} now={now} />
            {lecture.cancelReason && <Typography.Text type="secondary">{lecture.cancelReason}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="时间">{lectureWhen(lecture.startsAt, lecture.endsAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">{lecture.venue}</Descriptions.Item>
          <Descriptions.Item label="主讲人">{lecture.speaker ? [lecture.speaker.name, lecture.speaker.title, lecture.speaker.affiliation].filter(Boolean).join(' · ') : '—'}</Descriptions.Item>
          <Descriptions.Item label="座位">
            {lecture.confirmedSeats} / {lecture.capacity}（剩 {lecture.seatsLeft}）
          </Descriptions.Item>
          <Descriptions.Item label="报名范围">{lecture.openTo.map((u) => u.name).join('、')}</Descriptions.Item>
        </Descriptions>
        <FigureStrip figures={roster.figures} testId="roster-figures" />
        <Tabs
          items={[
            {
              key: 'confirmed',
              label: `已报名（${roster.confirmed.length}）`,
              children: (
                <div data-testid="roster-confirmed">
                  <Table<RosterEntry>
                    rowKey="signupId"
                    columns={confirmedColumns}
                    dataSource={roster.confirmed}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: '还没有人报名' }}
                  />
                </div>
              ),
            },
            {
              key: 'waiting',
              label: `候补（${roster.waiting.length}）`,
              children: (
                <div data-testid="roster-waiting">
                  <Table<RosterEntry>
                    rowKey="signupId"
                    columns={waitingColumns}
                    dataSource={roster.waiting}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: '没有人候补' }}
                  />
                </div>
              ),
            },
            {
              key: 'attended',
              label: `已签到（${attended.length}）`,
              children: (
                <div data-testid="roster-attended">
                  <Table<RosterEntry>
                    rowKey="signupId"
                    columns={confirmedColumns.filter((c) => c.key !== 'at')}
                    dataSource={attended}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: '还没有人签到' }}
                  />
                </div>
              ),
            },
          ]}
        />
      </Flex>
      <PrintSheet roster={roster} />
    </>
  );
}

