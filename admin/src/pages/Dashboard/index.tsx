import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Progress, Row, Skeleton, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { Counted, Dashboard, Level, MonthFigures, OpenCounts, RateFigure, UnitRef } from '../../api';
import { CountLink } from '../../components/CountLink';
import { LEVEL_LABEL } from '../../core';
import { useFailure } from '../../feedback';
import { dateTime, percent } from '../../format';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { PageHeader } from '../../components/PageHeader';
import { CalendarWarningAlert } from './CalendarWarning';
import { PendingApprovalsAlert } from './PendingApprovals';
import { SubscribeSendsPanel } from './SubscribeSends';
import { LevelsChart, RatesChart } from './Charts';
import { levelsIn, RATE_KEYS, RATE_NAMES, type RateKey } from './figures';


export default function DashboardPage() {
  const fail = useFailure();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const unitId = params.get('unit') ?? undefined;
  const month = params.get('month') ?? undefined;
  const { treeData } = useUnits();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.management.dashboard({ unitId, month }));
      setError(null);
    } catch (e) {
      const err = fail(e);
      if (err) setError(err.message);
    } finally {
      setLoading(false);
    }
  }, [unitId, month, fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const setParam = (key: string, value: string | undefined) => {
    const p = new URLSearchParams(window.location.search);
    if (value) p.set(key, value);
    else p.delete(key);
    replaceSearch(p.toString());
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={`工作台${data ? ` · ${data.unit.name}` : ''}`} hint={data ? `数据截至 ${dateTime(data.now)}，点击任一数字可查看对应的反映` : ''} wrap>
        <TreeSelect
          aria-label="查看单位"
          style={{ width: 260 }}
          treeData={treeData}
          value={data?.unit.id ?? unitId}
          onChange={(v: string) => setParam('unit', v)}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          placeholder="选择单位"
        />
        <DatePicker
          aria-label="统计月份"
          picker="month"
          allowClear={false}
          value={data ? dayjs(`${data.month}-01`) : month ? dayjs(`${month}-01`) : undefined}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => setParam('month', d ? d.format('YYYY-MM') : undefined)}
          format="YYYY年M月"
        />
        <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
          刷新
        </Button>
      </PageHeader>

      {data?.calendarWarning && <CalendarWarningAlert warning={data.calendarWarning} />}
      <PendingApprovalsAlert />
      {error && !data && <Alert type="error" showIcon title="工作台数据加载失败" description={error} action={<Button onClick={() => void load()}>重试</Button>} />}
      {!data ? (
        !error && <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <DashboardBody data={data} />
      )}
      <SubscribeSendsPanel />
    </Flex>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const m = data.thisMonth;
  const monthLabel = `${Number(data.month.slice(5))}月`;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col span={6}>
          <BigCount title="未办结" count={data.totals.open} id="totals.open" note="全部在办的反映" />
        </Col>
        <Col span={6}>
          <BigCount title="24 小时内到期" count={data.totals.dueSoon} id="totals.dueSoon" tone="warning" note="还没超时，但快到期了" />
        </Col>
        <Col span={6}>
          <BigCount title="已超时" count={data.totals.overdue} id="totals.overdue" tone="danger" note="超过办结时限仍未办结" />
        </Col>
        <Col span={6}>
          <SmallMatters month={m} monthLabel={monthLabel} />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        {RATE_KEYS.map((k) => (
          <Col span={8} key={k}>
            <RateCard k={k} figure={m[k]} monthLabel={monthLabel} />
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col span={14}>
          <Card title="近 12 个月三率" size="small" extra={<Typography.Text type="secondary">点击图上的点查看当月办结的反映</Typography.Text>}>
            <RatesChart months={data.months} />
          </Card>
        </Col>
        <Col span={10}>
          <Card title="各级办结件数（小事不出小区）" size="small" extra={<Typography.Text type="secondary">点击柱子查看</Typography.Text>}>
            <LevelsChart months={data.months} />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col span={10}>
          <Card title="按层级：在办、将到期、已超时" size="small">
            <OpenTable
              rows={levelsIn(data.byLevel).map((l) => ({ key: l, name: `${LEVEL_LABEL[l]}级`, counts: data.byLevel[l]! }))}
              idPrefix="byLevel"
              nameTitle="层级"
            />
          </Card>
        </Col>
        <Col span={14}>
          <Card title="按单位：在办、将到期、已超时" size="small">
            <OpenTable
              rows={data.byUnit.map((u) => ({ key: u.unit.id, name: u.unit.name, counts: u }))}
              idPrefix="byUnit"
              nameTitle="单位"
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col span={10}>
          <Card title={`${monthLabel}反映最多的类别`} size="small">
            <TopCategories data={data} />
          </Card>
        </Col>
        <Col span={14}>
          <Card title={`${monthLabel}按时办结率排名`} size="small">
            <Ranking data={data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function BigCount({ title, count, id, tone, note }: { title: string; count: Counted; id: string; tone?: 'danger' | 'warning'; note: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 36, lineHeight: '48px', fontWeight: 600 }}>
        <CountLink count={count} id={id} title={title} tone={tone} />
        <span style={{ fontSize: 16, fontWeight: 400, marginInlineStart: 4, color: 'rgba(0,0,0,0.45)' }}>件</span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {note}
      </Typography.Text>
    </Card>
  );
}

/** The share resolved at building and compound level (and the grid between, where it is a level) this month: "小事不出小区". */
function SmallMatters({ month, monthLabel }: { month: MonthFigures; monthLabel: string }) {
  const levels = levelsIn(month.resolvedAtLevel);
  const at = (l: Level) => month.resolvedAtLevel[l]?.value ?? 0;
  const total = levels.reduce((n, l) => n + at(l), 0);
  const inCompound = levels.filter((l) => l === 'building' || l === 'grid' || l === 'compound');
  const low = inCompound.reduce((n, l) => n + at(l), 0);
  const share = total ? low / total : null;
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">
        小事不出小区{' '}
        <Tooltip title={`${monthLabel}在${inCompound.map((l) => LEVEL_LABEL[l]).join('、')}${inCompound.length === 2 ? '两' : '三'}级办结的反映占全部办结的比例`}>
          <QuestionCircleOutlined />
        </Tooltip>
      </Typography.Text>
      <div style={{ fontSize: 36, lineHeight: '48px', fontWeight: 600 }} data-testid="small-matters">
        {share === null ? <span style={{ fontSize: 16, fontWeight: 400, color: 'rgba(0,0,0,0.45)' }}>本月还没有办结的反映</span> : percent(share)}
      </div>
      <Flex gap={10} wrap style={{ fontSize: 13 }}>
        {levels.map((l) => (
          <span key={l}>
            {LEVEL_LABEL[l]} <CountLink count={month.resolvedAtLevel[l]!} id={`thisMonth.resolvedAtLevel.${l}`} title={`${monthLabel}在${LEVEL_LABEL[l]}办结`} />
          </span>
        ))}
      </Flex>
    </Card>
  );
}

function RateCard({ k, figure, monthLabel }: { k: RateKey; figure: RateFigure; monthLabel: string }) {
  const n = RATE_NAMES[k];
  const pct = figure.rate === null ? 0 : Math.round(figure.rate * 1000) / 10;
  const color = figure.rate === null ? undefined : figure.rate >= 0.9 ? '#52c41a' : figure.rate >= 0.7 ? '#faad14' : '#f5222d';
  return (
    <Card size="small">
      <Flex align="center" gap={20}>
        <Progress type="circle" percent={pct} size={84} strokeColor={color} format={() => percent(figure.rate)} />
        <Flex vertical gap={4}>
          <Typography.Text strong style={{ fontSize: 17 }}>
            {monthLabel}
            {n.title}{' '}
            <Tooltip title={n.hint}>
              <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', fontSize: 14 }} />
            </Tooltip>
          </Typography.Text>
          <span>
            {n.num} <CountLink count={figure.numerator} id={`thisMonth.${k}.numerator`} title={`${monthLabel}${n.num}`} /> 件 / {n.den}{' '}
            <CountLink count={figure.denominator} id={`thisMonth.${k}.denominator`} title={`${monthLabel}${n.den}`} /> 件
          </span>
          {figure.rate === null && <Typography.Text type="secondary">本月还没有可统计的反映</Typography.Text>}
        </Flex>
      </Flex>
    </Card>
  );
}

interface OpenRow {
  key: string;
  name: string;
  counts: OpenCounts;
}

function OpenTable({ rows, idPrefix, nameTitle }: { rows: OpenRow[]; idPrefix: string; nameTitle: string }) {
  const columns: TableColumnsType<OpenRow> = [
    { title: nameTitle, dataIndex: 'name', ellipsis: true },
    { title: '在办', width: 90, align: 'right', render: (_, r) => <CountLink count={r.counts.open} id={`${idPrefix}.${r.key}.open`} title={`${r.name}在办`} /> },
    {
      title: '24 小时内到期',
      width: 130,
      align: 'right',
      render: (_, r) => <CountLink count={r.counts.dueSoon} id={`${idPrefix}.${r.key}.dueSoon`} title={`${r.name}将到期`} tone="warning" />,
    },
    { title: '已超时', width: 90, align: 'right', render: (_, r) => <CountLink count={r.counts.overdue} id={`${idPrefix}.${r.key}.overdue`} title={`${r.name}已超时`} tone="danger" /> },
  ];
  return <Table size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} scroll={rows.length > 8 ? { y: 320 } : undefined} locale={{ emptyText: <Empty description="没有下级单位" /> }} />;
}

function TopCategories({ data }: { data: Dashboard }) {
  const max = Math.max(1, ...data.topCategories.map((c) => c.count.value));
  if (data.topCategories.length === 0) return <Empty description="本月还没有反映" />;
  return (
    <Flex vertical gap={6}>
      {data.topCategories.map((c) => (
        <Flex key={c.category} align="center" gap={8}>
          <span style={{ width: 180, flex: 'none', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={c.name}>
            {c.icon} {c.name}
          </span>
          <Progress percent={(c.count.value / max) * 100} status="normal" showInfo={false} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 48, textAlign: 'right' }}>
            <CountLink count={c.count} id={`topCategories.${c.category}`} title={`${c.name}`} /> 件
          </span>
        </Flex>
      ))}
    </Flex>
  );
}

function Ranking({ data }: { data: Dashboard }) {
  type R = Dashboard['ranking'][number] & { rank: number };
  const rows: R[] = data.ranking.map((r, i) => ({ ...r, rank: i + 1 }));
  const columns: TableColumnsType<R> = [
    {
      title: '名次',
      dataIndex: 'rank',
      width: 64,
      render: (n: number, r) => (r.onTimeRate.rate === null ? '—' : n <= 3 ? <Tag color={['gold', 'default', 'orange'][n - 1]}>{n}</Tag> : n),
    },
    { title: '单位', dataIndex: ['unit', 'name'], ellipsis: true, render: (name: string, r) => <UnitName unit={r.unit} name={name} /> },
    {
      title: '按时办结率',
      width: 200,
      render: (_, r) =>
        r.onTimeRate.rate === null ? (
          <Typography.Text type="secondary">本月无办结</Typography.Text>
        ) : (
          <Progress percent={Math.round(r.onTimeRate.rate * 1000) / 10} size="small" format={() => percent(r.onTimeRate.rate)} />
        ),
    },
    {
      title: '按时 / 办结',
      width: 110,
      align: 'right',
      render: (_, r) => (
        <>
          <CountLink count={r.onTimeRate.numerator} id={`ranking.${r.unit.id}.onTime`} title={`${r.unit.name}按时办结`} /> /{' '}
          <CountLink count={r.onTimeRate.denominator} id={`ranking.${r.unit.id}.resolved`} title={`${r.unit.name}办结`} />
        </>
      ),
    },
    { title: '本月反映', width: 90, align: 'right', render: (_, r) => <CountLink count={r.reports} id={`ranking.${r.unit.id}.reports`} title={`${r.unit.name}本月反映`} /> },
  ];
  return <Table size="small" rowKey={(r) => r.unit.id} columns={columns} dataSource={rows} pagination={false} scroll={rows.length > 8 ? { y: 320 } : undefined} locale={{ emptyText: <Empty description="没有下级单位" /> }} />;
}

function UnitName({ unit, name }: { unit: UnitRef; name: string }) {
  return <span title={unit.path}>{name}</span>;
}
