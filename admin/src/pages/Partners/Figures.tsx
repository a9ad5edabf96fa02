/**
 * 统计: the community's figures with its partners for a year (the year-end review) — resources offered,
 * needs met, projects open and done, visits, members linked — in total and per partner, who has not
 * visited this month, and the same as .xlsx (汇总, 共建单位, 项目, 走访).
 */
import { Alert, App, Button, Card, Flex, Select, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { formatChina } from '../../../../src/core/time';
import { api } from '../../api';
import type { PartnerFigures, PartnerRef } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { saveDownload } from '../../download';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { WithCommunity } from './community';

type Row = PartnerFigures & { partner: PartnerRef };

const FIGURES: { key: keyof PartnerFigures; label: string; unit: string }[] = [
  { key: 'resourcesOffered', label: '提供资源', unit: '项' },
  { key: 'needsMet', label: '满足需求', unit: '项' },
  { key: 'projectsOpen', label: '进行中的项目', unit: '个' },
  { key: 'projectsDone', label: '完成的项目', unit: '个' },
  { key: 'visits', label: '走访', unit: '次' },
  { key: 'membersLinked', label: '关联在职党员', unit: '人' },
];

export default function FiguresPage() {
  return <WithCommunity title="共建统计" render={(communityId, picker) => <Figures communityId={communityId} picker={picker} />} />;
}

function Figures({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const thisYear = Number(formatChina(Date.now(), 'YYYY'));
  const asked = Number(new URLSearchParams(search).get('year'));
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= thisYear ? asked : thisYear;
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, reload } = useLoaded(() => api.partners.figures({ communityId, year }), [communityId, year]);

  const setYear = (y: number) => {
    const next = new URLSearchParams(search);
    if (y === thisYear) next.delete('year');
    else next.set('year', String(y));
    replaceSearch(next.toString());
  };

  async function download() {
    setExporting(true);
    try {
      saveDownload(await api.partners.export({ communityId, year }));
      message.success(`已导出${year}年的共建统计`);
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: '共建单位', key: 'partner', render: (_, r) => r.partner.name },
    { title: '类型', key: 'kind', width: 100, render: (_, r) => r.partner.kindLabel },
    ...FIGURES.map((f) => ({ title: f.label, key: f.key, width: 110, align: 'right' as const, render: (_: unknown, r: Row) => <span data-testid={`row-${f.key}`}>{r[f.key]}</span> })),
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="共建统计" hint={data ? `${data.community.name} ${year} 年，供年终考评` : undefined} wrap>
        {picker}
        <Select
          aria-label="年份"
          value={year}
          onChange={setYear}
          options={Array.from({ length: Math.min(6, thisYear - 2019) }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 110 }}
        />
        <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          导出 Excel
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Flex gap={12} wrap>
            {[
              { key: 'partners', label: '共建单位', value: data.total.partners, unit: '家' },
              { key: 'needsPosted', label: '发布需求', value: data.total.needsPosted, unit: '项' },
              ...FIGURES.map((f) => ({ key: f.key, label: f.label, value: data.total[f.key], unit: f.unit })),
            ].map((f) => (
              <Card key={f.key} size="small" data-testid={`total-${f.key}`} style={{ flex: '1 1 120px' }}>
                <Statistic title={f.label} value={f.value} suffix={f.unit} />
              </Card>
            ))}
          </Flex>
          {data.notVisitedThisMonth.length > 0 && (
            <Alert type="warning" showIcon data-testid="not-visited" title={`本月还没有走访的共建单位：${data.notVisitedThisMonth.map((p) => p.name).join('、')}`} />
          )}
        </>
      )}
      <Card title="各共建单位" size="small">
        <Table<Row> rowKey={(r) => r.partner.id} size="middle" loading={loading} columns={columns} dataSource={data?.rows ?? []} pagination={false} locale={{ emptyText: '还没有共建单位' }} />
      </Card>
      <Typography.Text type="secondary">
        资源按年底仍在提供的计；需求按当年满足的计；进行中的项目是现在待确认和进行中的；完成的项目按当年结项的计；走访按当年的计。
      </Typography.Text>
    </Flex>
  );
}
