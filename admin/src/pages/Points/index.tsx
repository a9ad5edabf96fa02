/**
 * 积分台账: the community's points ledger — every entry, newest first, filtered by person, unit and
 * China days (the filters live in the query string) — exported as .xlsx, and the two ways staff
 * write to it: 奖励积分 and 更正积分 (a new entry with a reason, never an edit).
 */
import { Alert, App, Button, Card, DatePicker, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import { ClearOutlined, DownloadOutlined, EditOutlined, GiftOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { saveDownload } from '../../download';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { ledgerColumns, signed } from './columns';
import { CommunityPicker, NotPointsStaff, usePointsCommunity } from './community';
import { ledgerFilterOf, ledgerSearchOf, type LedgerFilter } from './filter';
import { GrantModal, type GrantMode } from './GrantModal';
import { PersonField } from './PersonField';

const PAGE = 50;

export default function PointsLedgerPage() {
  const choice = usePointsCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="积分台账" />
        {choice.ready && <NotPointsStaff />}
      </Flex>
    );
  }
  return <Ledger communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

function Ledger({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const { treeData } = useUnits();
  const filter = useMemo(() => ledgerFilterOf(search), [search]);
  const unitId = filter.unitId ?? communityId;
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState<GrantMode | null>(null);
  const [exporting, setExporting] = useState(false);
  const setFilter = (f: LedgerFilter) => {
    setPage(1);
    replaceSearch(ledgerSearchOf(search, f));
  };
  const quiet = useCallback((e: unknown) => void fail(e), [fail]);

  const { data, loading, error, reload } = useLoaded(
    () => api.points.ledger({ unitId, personId: filter.personId, from: filter.from, to: filter.to, limit: PAGE, offset: (page - 1) * PAGE }),
    [unitId, filter.personId, filter.from, filter.to, page],
  );

  async function exportLedger() {
    setExporting(true);
    try {
      const file = await api.points.exportLedger({ unitId, from: filter.from, to: filter.to });
      saveDownload(file);
      message.success(`已生成「${file.fileName}」，请在浏览器的下载中查看`);
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  }

  const person = filter.personId ? { id: filter.personId, name: filter.personName ?? data?.entries[0]?.person.name ?? '所选的人' } : undefined;
  const range: [Dayjs, Dayjs] | null = filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null;
  const filtered = !!(filter.personId || filter.unitId || filter.from);

  return (
    <Flex vertical gap={16}>
      <PageHeader title="积分台账" hint="台账只增不改：奖励、兑换、更正都是新的一笔" wrap>
        {picker}
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLedger}>
          {exporting ? '正在生成…' : '导出台账'}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setWriting('correct')}>
          更正积分
        </Button>
        <Button type="primary" icon={<GiftOutlined />} onClick={() => setWriting('grant')}>
          奖励积分
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>{person ? `${person.name}的积分` : '积分记录'}</span>
            {data && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="ledger-total">
                共 {data.total} 笔{data.balance !== null && person ? `，结余 ${data.balance} 分` : ''}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          <Flex gap={8} align="center" wrap>
            <PersonField
              aria-label="姓名"
              allowClear
              placeholder="全部人员"
              style={{ width: 180 }}
              value={filter.personId}
              known={person}
              onError={quiet}
              onChange={(personId, personName) => setFilter({ ...filter, personId, personName })}
            />
            <TreeSelect
              aria-label="单位"
              value={unitId}
              treeData={treeData}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 220 }}
              onChange={(id?: string) => setFilter({ ...filter, unitId: id && id !== communityId ? id : undefined })}
            />
            <DatePicker.RangePicker
              aria-label="日期"
              value={range}
              onChange={(r) => setFilter({ ...filter, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
              style={{ width: 250 }}
            />
            {filtered && (
              <Button icon={<ClearOutlined />} onClick={() => setFilter({})}>
                清除筛选
              </Button>
            )}
          </Flex>
        }
      >
        <Table
          rowKey="id"
          size="middle"
          loading={loading}
          columns={ledgerColumns((p) => setFilter({ ...filter, personId: p.id, personName: p.name }))}
          dataSource={data?.entries ?? []}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: error ? '没有读到积分记录' : filtered ? '没有符合条件的积分记录' : '还没有积分记录' }}
        />
      </Card>
      {writing && (
        <GrantModal
          mode={writing}
          person={person}
          onClose={() => setWriting(null)}
          onFailed={(e, form) => fail(e, form)}
          onDone={(r) => {
            message.success(`已${writing === 'grant' ? '奖励' : '更正'}${r.entry.person.name} ${signed(r.entry.points)} 分，结余 ${r.balance} 分`);
            setWriting(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
