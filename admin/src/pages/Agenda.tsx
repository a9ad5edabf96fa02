import { Alert, Button, Card, DatePicker, Empty, Flex, Skeleton, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { api } from '../api';
import type { Agenda, AgendaItem, AgendaTopic } from '../api';
import { useFailure } from '../feedback';
import { dateTime } from '../format';
import { hrefOf, navigate, replaceSearch, useSearch } from '../router';
import { useUnits } from '../units';
import { PageHeader } from '../components/PageHeader';

const MEETING_DAYS = [3, 13, 23];
const REASON: Record<AgendaItem['reasons'][number], { label: string; color: string }> = {
  escalated: { label: '上报', color: 'orange' },
  overdue: { label: '超时', color: 'red' },
  disputed: { label: '居民异议', color: 'magenta' },
};

/** The meeting day on or after `d` (3rd, 13th or 23rd). */
export function nextMeetingDay(d: Dayjs): Dayjs {
  for (let i = 0; i < 40; i++) {
    const x = d.add(i, 'day');
    if (MEETING_DAYS.includes(x.date())) return x.startOf('day');
  }
  return d;
}

/** 逢三说事: what the meeting on the 3rd, 13th or 23rd should discuss, printable. */
export default function AgendaPage() {
  const fail = useFailure();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const date = params.get('date') ?? nextMeetingDay(dayjs()).format('YYYY-MM-DD');
  const unitId = params.get('unit') ?? undefined;
  const { treeData } = useUnits();
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The printed sheet has an empty "会议意见" column to write in; the screen does not need it.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  useEffect(() => {
    let live = true;
    setAgenda(null);
    api.management.agenda({ date, unitId }).then(
      (a) => {
        if (!live) return;
        setAgenda(a);
        setError(null);
      },
      (e) => {
        const err = fail(e);
        if (live && err) setError(err.message);
      },
    );
    return () => {
      live = false;
    };
  }, [date, unitId, fail]);

  const set = (key: string, value: string) => {
    const p = new URLSearchParams(window.location.search);
    p.set(key, value);
    replaceSearch(p.toString());
  };

  const total = agenda ? agenda.escalated.length + agenda.overdue.length + agenda.disputed.length : 0;
  return (
    <Flex vertical gap={16} className="agenda-page">
      <PageHeader title="逢三说事" hint="每月 3 日、13 日、23 日议事会：上次会议以来上报、超时和居民有异议的反映" className="no-print">
        <TreeSelect aria-label="单位" style={{ width: 220 }} treeData={treeData} value={agenda?.unit.id ?? unitId} onChange={(v: string) => set('unit', v)} treeDefaultExpandAll placeholder="单位" />
        <DatePicker
          aria-label="会议日期"
          allowClear={false}
          value={dayjs(date)}
          disabledDate={(d) => !MEETING_DAYS.includes(d.date())}
          onChange={(d) => d && set('date', d.format('YYYY-MM-DD'))}
          format="YYYY年M月D日"
        />
        <Button type="primary" icon={<PrinterOutlined />} disabled={!agenda} onClick={() => window.print()}>
          打印议程
        </Button>
      </PageHeader>

      {error && <Alert type="error" showIcon title={error} />}
      {!agenda && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {agenda && (
        <Card className="agenda-sheet">
          <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
            {agenda.unit.name} “逢三说事”议事会议程
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
            会议日期：{dayjs(agenda.date).format('YYYY年M月D日')}　统计范围：{dayjs(agenda.since).format('M月D日')} 至 {dayjs(agenda.date).format('M月D日')}　共 {total} 件
          </Typography.Paragraph>
          {total === 0 ? (
            <Empty description="上次会议以来没有上报、超时或有异议的反映" />
          ) : (
            <>
              <Section title="一、上报到上级的反映" items={agenda.escalated} testId="agenda-escalated" unitId={agenda.unit.id} printing={printing} />
              <Section title="二、超时未办结的反映" items={agenda.overdue} testId="agenda-overdue" unitId={agenda.unit.id} printing={printing} />
              <Section title="三、居民有异议的反映" items={agenda.disputed} testId="agenda-disputed" unitId={agenda.unit.id} printing={printing} />
            </>
          )}
          <TopicsDue topics={agenda.topics} numbered={total > 0} />
          <Typography.Paragraph className="print-only" style={{ marginTop: 32 }}>
            参会人员：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　记录人：＿＿＿＿＿＿＿＿
          </Typography.Paragraph>
        </Card>
      )}
    </Flex>
  );
}

function Section({ title, items, testId, unitId, printing }: { title: string; items: AgendaItem[]; testId: string; unitId: string; printing: boolean }) {
  const columns: TableColumnsType<AgendaItem & { n: number }> = [
    { title: '序号', dataIndex: 'n', width: 56 },
    { title: '类别', width: 180, render: (_, i) => `${i.report.icon} ${i.report.categoryName}` },
    { title: '问题', render: (_, i) => i.report.description },
    { title: '地点', width: 170, render: (_, i) => i.report.place },
    { title: '当前', width: 150, render: (_, i) => `${i.report.levelLabel} · ${i.report.handlerName ?? '待分派'}` },
    { title: '期限', width: 120, render: (_, i) => dateTime(i.report.dueAt).slice(5) },
    {
      title: '原因',
      width: 150,
      render: (_, i) =>
        i.reasons.map((r) => (
          <Tag key={r} color={REASON[r].color}>
            {REASON[r].label}
          </Tag>
        )),
    },
  ];
  if (printing) columns.push({ title: '会议意见', width: 180, render: () => '' });
  return (
    <div style={{ marginBottom: 24 }} data-testid={testId}>
      <Typography.Title level={5}>
        {title}（{items.length} 件）
      </Typography.Title>
      {items.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <Table
          size="small"
          bordered
          rowKey={(i) => i.report.id}
          columns={columns}
          dataSource={items.map((i, n) => ({ ...i, n: n + 1 }))}
          pagination={false}
          onRow={(i) => ({
            title: '点击在反映处理中打开',
            style: { cursor: 'pointer' },
            onClick: () => navigate('desk', { search: new URLSearchParams({ unit: unitId, q: i.report.id, report: i.report.id }).toString() }),
          })}
        />
      )}
    </div>
  );
}

/** 议事协商 topics whose vote (or opinions' time) is over and which wait for this meeting's decision. */
function TopicsDue({ topics, numbered }: { topics: AgendaTopic[]; numbered: boolean }) {
  return (
    <div style={{ marginBottom: 24 }} data-testid="agenda-topics">
      <Typography.Title level={5}>
        {numbered ? '四、' : ''}待决定的议题（{topics.length} 个）
      </Typography.Title>
      {topics.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <Table
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={topics}
          columns={[
            {
              title: '议题',
              render: (_, t) => {
                const search = new URLSearchParams({ id: t.id }).toString();
                return (
                  <a
                    href={hrefOf('deliberation/topic', search)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate('deliberation/topic', { search });
                    }}
                  >
                    {t.title}
                  </a>
                );
              },
            },
            { title: '范围', width: 200, dataIndex: 'trail' },
            { title: '结束', width: 120, render: (_, t) => dateTime(t.closedAt).slice(5) },
            { title: '参与', width: 150, render: (_, t) => `${t.turnout.voted}/${t.turnout.households} 户（${t.turnout.percent}%）` },
            { title: '得票最多', width: 200, render: (_, t) => (t.leading.length ? t.leading.join('、') : '—') },
          ]}
        />
      )}
    </div>
  );
}
