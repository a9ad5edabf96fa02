import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { ClearOutlined, PhoneOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import type { Category, DeskFilter, DeskRow, DeskSort } from '../../api';
import { CHANNELS, CHANNEL_LABEL, DEFAULT_CATEGORIES, LEVELS, LEVEL_LABEL, STAFF_ROLES, STATUSES, STATUS_LABEL, isOpen } from '../../core';
import { OPEN_STATUSES, cleanFilter, extraConditions, filterToSearch, isOpenOnly, searchToQuery, withoutCondition } from '../../deskFilter';
import type { DeskQuery } from '../../deskFilter';
import { useFailure } from '../../feedback';
import { untilDue } from '../../format';
import { formatDay, formatWhen } from '../../../../src/core/time';
import { replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../units';
import { ReassignModal } from './ReassignModal';
import { RecordModal } from './RecordModal';
import { ReportDrawer } from './ReportDrawer';
import { StatusTag } from './StatusTag';
import { PageHeader } from '../../components/PageHeader';

const DUE_WITHIN = [
  { value: 24, label: '24 小时内到期' },
  { value: 72, label: '3 天内到期' },
  { value: 168, label: '7 天内到期' },
];

export default function DeskPage() {
  const { me } = useSession();
  const fail = useFailure();
  const search = useSearch();
  const { treeData } = useUnits();
  const homeUnit = me.bindings.find((b) => STAFF_ROLES.includes(b.role))?.unit.id ?? me.bindings[0]?.unit.id ?? '';
  const query = useMemo(() => searchToQuery(search, homeUnit), [search, homeUnit]);
  const openId = new URLSearchParams(search).get('report');

  const [rows, setRows] = useState<DeskRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [capped, setCapped] = useState<{ createdFrom: number; bound: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [categories, setCategories] = useState<Category[]>(DEFAULT_CATEGORIES);
  const [selected, setSelected] = useState<DeskRow[]>([]);
  const [modal, setModal] = useState<'record' | 'bulk' | null>(null);
  const [text, setText] = useState(query.filter.q ?? '');
  const [tick, setTick] = useState(0);

  const go = useCallback(
    (next: Partial<DeskQuery>, report: string | null = null) => {
      const q = { ...query, page: 1, ...next };
      const s = new URLSearchParams(filterToSearch(q));
      if (report) s.set('report', report);
      replaceSearch(s.toString());
    },
    [query],
  );
  const setFilter = (patch: Partial<DeskFilter>) => go({ filter: cleanFilter({ ...query.filter, ...patch }) });

  const key = filterToSearch(query);
  useEffect(() => {
    let live = true;
    setLoading(true);
    api.management
      .list({ filter: cleanFilter(query.filter), sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
      .then(
        (r) => {
          if (!live) return;
          setRows(r.rows);
          setTotal(r.total);
          setCapped(r.searchCapped);
          setError(null);
        },
        (e) => {
          const err = fail(e);
          if (live && err) setError(err.message);
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // `key` is the query in one string: reload when it changes or after an action (tick).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick, fail]);

  useEffect(() => {
    api.reports.categories({ unitId: query.filter.unitId }).then((r) => setCategories(r.categories), () => undefined);
  }, [query.filter.unitId]);

  useEffect(() => setText(query.filter.q ?? ''), [query.filter.q]);

  const categoryName = useCallback((code: string) => categories.find((c) => c.code === code)?.name ?? code, [categories]);
  const extras = extraConditions(query.filter);
  const range: [Dayjs, Dayjs] | null =
    query.filter.createdFrom !== undefined && query.filter.createdTo !== undefined ? [dayjs(query.filter.createdFrom), dayjs(query.filter.createdTo - 1)] : null;
  const now = Date.now();

  const columns: TableColumnsType<DeskRow> = [
    {
      title: '类别',
      dataIndex: 'categoryName',
      width: 180,
      render: (name: string, r) => (
        <span>
          {r.icon} {name}
          {r.urgent && (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              急
            </Tag>
          )}
        </span>
      ),
    },
    { title: '问题描述', dataIndex: 'description', ellipsis: { showTitle: true } },
    { title: '地点', dataIndex: 'place', width: 150, ellipsis: true },
    { title: '状态', dataIndex: 'statusLabel', width: 116, render: (label: string, r) => <StatusTag status={r.status} label={label} /> },
    { title: '层级', dataIndex: 'levelLabel', width: 64 },
    { title: '处理人', dataIndex: 'handlerName', width: 88, ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">待分派</Typography.Text> },
    {
      title: '办结期限',
      key: 'dueAt',
      dataIndex: 'dueAt',
      width: 170,
      sorter: true,
      sortOrder: query.sort === 'dueAt' ? 'ascend' : null,
      render: (t: number, r) => {
        const open = isOpen(r.status);
        return (
          <Flex vertical>
            <span>{formatWhen(t, now)}</span>
            {open && (
              <Typography.Text type={r.overdue ? 'danger' : r.dueSoon ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
                {untilDue(t, now, r.overdue)}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: '登记时间',
      key: 'createdAt',
      dataIndex: 'createdAt',
      width: 170,
      sorter: true,
      sortOrder: query.sort === '-createdAt' ? 'descend' : query.sort === 'createdAt' ? 'ascend' : null,
      render: (t: number) => formatWhen(t, now),
    },
    { title: '来源', dataIndex: 'channelLabel', width: 92 },
  ];

  function onTableChange(p: TablePaginationConfig, _f: unknown, s: SorterResult<DeskRow> | SorterResult<DeskRow>[]) {
    const sorter = Array.isArray(s) ? s[0] : s;
    let sort: DeskSort = 'dueAt';
    if (sorter?.columnKey === 'createdAt' && sorter.order) sort = sorter.order === 'ascend' ? 'createdAt' : '-createdAt';
    const pageSize = p.pageSize ?? query.pageSize;
    go({ sort, page: sort !== query.sort || pageSize !== query.pageSize ? 1 : (p.current ?? 1), pageSize });
  }

  const openReport = (id: string | null) => {
    const s = new URLSearchParams(window.location.search);
    if (id) s.set('report', id);
    else s.delete('report');
    replaceSearch(s.toString());
  };

  return (
    <Flex vertical gap={12}>
      <PageHeader title="反映处理" hint="打开时列出未办结的反映，按办结期限排序，已超时的在最前面；点击一行查看详情并办理">
        <Button icon={<ReloadOutlined />} onClick={() => setTick((t) => t + 1)} loading={loading}>
          刷新
        </Button>
        <Button type="primary" icon={<PhoneOutlined />} onClick={() => setModal('record')}>
          登记走访/来电
        </Button>
      </PageHeader>

      <Card size="small" styles={{ body: { paddingBottom: 4 } }}>
        <Flex wrap gap={8} align="center" data-testid="desk-filters">
          <TreeSelect
            aria-label="单位"
            style={{ width: 230 }}
            treeData={treeData}
            value={query.filter.unitId}
            onChange={(v: string) => setFilter({ unitId: v })}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            prefix="单位"
          />
          <Select
            aria-label="状态"
            mode="multiple"
            allowClear
            style={{ minWidth: 200, maxWidth: 320 }}
            placeholder="全部状态"
            prefix="状态"
            // The opening view's four statuses read as one word, not as "+ 4 …".
            maxTagCount={isOpenOnly(query.filter.statuses) ? 0 : 'responsive'}
            maxTagPlaceholder={(omitted) => (isOpenOnly(query.filter.statuses) ? '未办结' : `+ ${omitted.length}`)}
            value={query.filter.statuses ?? []}
            onChange={(v) => setFilter({ statuses: v })}
            options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          />
          <Select
            aria-label="层级"
            mode="multiple"
            allowClear
            style={{ minWidth: 170 }}
            placeholder="全部层级"
            prefix="层级"
            maxTagCount="responsive"
            value={query.filter.levels ?? []}
            onChange={(v) => setFilter({ levels: v })}
            options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))}
          />
          <Select
            aria-label="类别"
            mode="multiple"
            allowClear
            style={{ minWidth: 200, maxWidth: 320 }}
            placeholder="全部类别"
            prefix="类别"
            maxTagCount="responsive"
            value={query.filter.categories ?? []}
            onChange={(v) => setFilter({ categories: v })}
            options={categories.map((c) => ({ value: c.code, label: `${c.icon} ${c.name}` }))}
          />
          <Select
            aria-label="来源"
            mode="multiple"
            allowClear
            style={{ minWidth: 170 }}
            placeholder="全部来源"
            prefix="来源"
            maxTagCount="responsive"
            value={query.filter.channels ?? []}
            onChange={(v) => setFilter({ channels: v })}
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
          />
          <Select
            aria-label="是否超时"
            style={{ width: 150 }}
            prefix="超时"
            value={query.filter.overdue === undefined ? 'any' : query.filter.overdue ? 'yes' : 'no'}
            onChange={(v) => setFilter({ overdue: v === 'any' ? undefined : v === 'yes' })}
            options={[
              { value: 'any', label: '不限' },
              { value: 'yes', label: '已超时' },
              { value: 'no', label: '未超时' },
            ]}
          />
          <Select
            aria-label="即将到期"
            allowClear
            style={{ width: 170 }}
            placeholder="到期时间不限"
            value={query.filter.dueWithinHours}
            onChange={(v?: number) => setFilter({ dueWithinHours: v })}
            options={DUE_WITHIN}
          />
          <DatePicker.RangePicker
            aria-label="登记日期"
            style={{ width: 260 }}
            placeholder={['登记日期从', '到']}
            value={range}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) =>
              setFilter(
                v?.[0] && v[1]
                  ? { createdFrom: v[0].startOf('day').valueOf(), createdTo: v[1].startOf('day').add(1, 'day').valueOf() }
                  : { createdFrom: undefined, createdTo: undefined },
              )
            }
          />
          <Input.Search
            aria-label="搜索"
            allowClear
            style={{ width: 260 }}
            placeholder="描述、位置、联系人或编号"
            value={text}
            maxLength={50}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          />
          <Button icon={<ClearOutlined />} onClick={() => go({ filter: { unitId: query.filter.unitId }, sort: 'dueAt' })}>
            清空条件
          </Button>
        </Flex>
        {extras.length > 0 && (
          <Flex gap={6} align="center" wrap style={{ marginTop: 8 }} data-testid="extra-conditions">
            <Typography.Text type="secondary">来自工作台的条件：</Typography.Text>
            {extras.map((c) => (
              <Tag key={c.key} closable color="blue" onClose={() => go({ filter: withoutCondition(query.filter, c.key) })}>
                {c.label}
              </Tag>
            ))}
          </Flex>
        )}
        <div style={{ height: 8 }} />
      </Card>

      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex align="center" gap={12} style={{ padding: '10px 16px' }}>
          <Typography.Text>
            共 <b data-testid="desk-total">{total ?? '…'}</b> 件
          </Typography.Text>
          {capped && (
            <Typography.Text type="warning" data-testid="desk-search-capped">
              文字搜索只查了{formatDay(capped.createdFrom, now)}以后登记的反映（一次最多 {capped.bound.toLocaleString('zh-CN')} 件），要查更早的请选登记时间
            </Typography.Text>
          )}
          {selected.length > 0 && (
            <>
              <Typography.Text type="secondary">已选 {selected.length} 件</Typography.Text>
              <Button size="small" type="primary" icon={<SwapOutlined />} onClick={() => setModal('bulk')}>
                批量转派
              </Button>
              <Button size="small" type="link" onClick={() => setSelected([])}>
                取消选择
              </Button>
            </>
          )}
          {!isOpenOnly(query.filter.statuses) && (
            <Button size="small" type="link" onClick={() => setFilter({ statuses: [...OPEN_STATUSES] })}>
              只看未办结
            </Button>
          )}
          {selected.length === 0 && (
            <Tooltip title="勾选左侧方框可以一次转派多件反映">
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                可勾选多件批量转派
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
        <Table<DeskRow>
          size="middle"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={rows}
          onChange={onTableChange}
          onRow={(r) => ({ onClick: () => openReport(r.id), style: { cursor: 'pointer' }, 'data-report-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          rowSelection={{
            selectedRowKeys: selected.map((r) => r.id),
            preserveSelectedRowKeys: true,
            onChange: (_, rs) => setSelected(rs.filter(Boolean)),
            getCheckboxProps: (r) => ({ disabled: !isOpen(r.status), 'aria-label': `选择 ${r.categoryName}` }) as object,
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 件`,
          }}
          locale={{ emptyText: total === 0 ? '没有符合条件的反映' : '正在加载…' }}
        />
      </Card>

      {openId && <ReportDrawer id={openId} deskUnitId={query.filter.unitId} onClose={() => openReport(null)} onChanged={() => setTick((t) => t + 1)} />}
      {modal === 'record' && (
        <RecordModal
          onClose={() => setModal(null)}
          onCreated={(r) => {
            setModal(null);
            setTick((t) => t + 1);
            openReport(r.id);
          }}
        />
      )}
      {modal === 'bulk' && (
        <ReassignModal
          reports={selected.map((r) => ({ id: r.id, version: r.version, label: `${r.icon} ${r.categoryName} · ${r.place}` }))}
          unitId={query.filter.unitId}
          onClose={() => setModal(null)}
          onDone={(res) => {
            const failed = new Set(res.results.filter((x) => !x.ok).map((x) => x.id));
            setSelected((s) => s.filter((r) => failed.has(r.id)));
            if (failed.size === 0) setModal(null);
            setTick((t) => t + 1);
          }}
        />
      )}
    </Flex>
  );
}
