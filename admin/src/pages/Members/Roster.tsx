import { Alert, App, Button, Card, Flex, Select, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ClearOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { CheckinStatus, CheckinView } from '../../api';
import { CHECKIN_STATUSES, CHECKIN_STATUS_LABEL, MEMBER_SKILLS, MEMBER_TYPES, MEMBER_TYPE_LABEL, VETERAN_LABEL } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { saveDownload } from '../../download';
import { useFailure } from '../../feedback';
import { date } from '../../format';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { NoAccess, useMemberAccess } from './access';
import { BranchCell, householdText, MemberTypeTag, PhoneCell, ServeCell, VeteranTag } from './cells';
import { END_WORDS, EndModal, type EndEvent } from './EndModal';
import { filterFromSearch, searchOfFilter, type RosterFilter } from './rosterSearch';

const PAGE = 50;

/** Colour only helps the eye: the tag says the status. */
const STATUS_COLOR: Record<CheckinStatus, string> = { pending: 'blue', approved: 'green', returned: 'orange', transferred_out: 'default', withdrawn: 'default' };

/** What the person read is no longer so: reload with a word why. */
const STALE_SAYS: Record<string, (name: string) => string> = {
  'CONFLICT.VERSION': (name) => `${name}的记录刚刚有了变化，已为您刷新，请再核对一次`,
  'CHECKIN.NOT_APPROVED': (name) => `${name}已经不是“已报到”了，已为您刷新列表`,
  'CHECKIN.NOT_FOUND': (name) => `找不到${name}的报到，已为您刷新列表`,
};

/** 花名册: the members (or other check-ins) under the caller's units, filtered, a page at a time; exported as .xlsx. */
export default function RosterPage() {
  const access = useMemberAccess();
  if (!access.seesRoster) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="花名册" />
        <NoAccess title="党员花名册只有小区党支部书记和社区工作人员能看。各单位的党员人数请在“统计”里查看。" />
      </Flex>
    );
  }
  return <Roster />;
}

function Roster() {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const access = useMemberAccess();
  const { treeData } = useUnits();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const [page, setPage] = useState(1);
  /** A new filter starts at its first page. */
  const setFilter = (f: RosterFilter) => {
    setPage(1);
    replaceSearch(searchOfFilter(f));
  };
  const [rows, setRows] = useState<CheckinView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [ending, setEnding] = useState<{ item: CheckinView; event: EndEvent } | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.members
      .roster({ ...filter, limit: PAGE, offset: (page - 1) * PAGE })
      .then(
        (r) => {
          if (!live) return;
          setRows(r.rows);
          setTotal(r.total);
          setError(null);
        },
        (e) => {
          const err = fail(e);
          if (live && err) {
            setRows([]);
            setTotal(null);
            setError(err.message);
          }
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, page, tick, fail]);

  const reload = useCallback(() => setTick((t) => t + 1), []);

  async function exportRoster() {
    setExporting(true);
    try {
      const file = await api.members.export(filter);
      saveDownload(file);
      setExported(file.fileName);
      message.success(`已生成「${file.fileName}」，请在浏览器的下载中查看`);
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  }

  const refusedEnd = (e: unknown, item: CheckinView, form: FormInstance) => {
    if (e instanceof ApiError && STALE_SAYS[e.code]) {
      message.warning(STALE_SAYS[e.code](item.name));
      setEnding(null);
      reload();
      return;
    }
    fail(e, form);
  };

  const endButtons = (r: CheckinView) =>
    r.status === 'approved' && access.mayEnd(r.unit) ? (
      <Flex gap={4}>
        {(['transferOut', 'withdraw'] as const).map((event) => (
          <Button key={event} type="link" size="small" danger={event === 'withdraw'} style={{ paddingInline: 0 }} onClick={() => setEnding({ item: r, event })}>
            {END_WORDS[event].verb}
          </Button>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: TableColumnsType<CheckinView> = [
    {
      title: '姓名',
      key: 'name',
      width: 170,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start" data-testid="member">
          <Typography.Text strong>{r.name}</Typography.Text>
          <Flex gap={4} wrap>
            <MemberTypeTag item={r} />
            {r.veteran && <VeteranTag />}
          </Flex>
          {householdText(r) && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              住：{householdText(r)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '手机号', key: 'phone', width: 150, render: (_, r) => <PhoneCell item={r} /> },
    {
      title: '报到单位',
      key: 'unit',
      width: 120,
      render: (_, r) => (
        <Tooltip title={r.trail}>
          <span data-testid="roster-unit">{r.unit.name}</span>
        </Tooltip>
      ),
    },
    { title: '组织关系与工作单位', key: 'branch', width: 210, render: (_, r) => <BranchCell item={r} /> },
    { title: '特长、服务与空闲时间', key: 'serve', width: 230, render: (_, r) => <ServeCell item={r} /> },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start" data-testid="roster-status">
          <Tag color={STATUS_COLOR[r.status]} data-status={r.status} style={{ marginInlineEnd: 0 }}>
            {r.statusLabel}
          </Tag>
          {r.decidedAt !== null && r.status !== 'returned' && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {date(r.decidedAt)} 报到
            </Typography.Text>
          )}
          {r.endedOn && (
            <Typography.Text style={{ fontSize: 13 }} data-testid="ended-on">
              {r.endedOn.replace(/-/g, '/')} {r.statusLabel.replace(/^已/, '')}
            </Typography.Text>
          )}
          {r.reason && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, tooltip: r.reason }}>
              原因：{r.reason}
            </Typography.Paragraph>
          )}
        </Flex>
      ),
    },
    ...(access.decides ? [{ title: '办理', key: 'end', width: 90, render: (_: unknown, r: CheckinView) => endButtons(r) }] : []),
  ];

  const filtered = !!(filter.unitId || filter.types || filter.skills || filter.statuses || filter.veteran !== undefined);

  return (
    <Flex vertical gap={16}>
      <PageHeader title="花名册" hint="已报到的党员：按类型、单位、特长、状态筛选，导出为 Excel" wrap>
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Button type="primary" icon={<DownloadOutlined />} loading={exporting} disabled={total === 0} onClick={() => void exportRoster()}>
          {exporting ? '正在生成…' : '导出 Excel'}
        </Button>
      </PageHeader>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <TreeSelect
            aria-label="单位"
            allowClear
            value={filter.unitId}
            treeData={treeData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="全部单位（我查看的范围）"
            style={{ width: 260 }}
            onChange={(id?: string) => setFilter({ ...filter, unitId: id })}
          />
          <Select
            aria-label="党员类型"
            mode="multiple"
            allowClear
            style={{ minWidth: 200 }}
            placeholder="全部类型"
            value={filter.types ?? []}
            options={MEMBER_TYPES.map((t) => ({ value: t, label: MEMBER_TYPE_LABEL[t] }))}
            onChange={(types) => setFilter({ ...filter, types: types.length ? types : undefined })}
          />
          <Select
            aria-label="特长"
            mode="tags"
            allowClear
            style={{ minWidth: 200 }}
            placeholder="特长（可输入）"
            value={filter.skills ?? []}
            options={MEMBER_SKILLS.map((s) => ({ value: s, label: s }))}
            onChange={(skills: string[]) => {
              const kept = skills.map((s) => s.trim()).filter(Boolean).slice(0, 10);
              setFilter({ ...filter, skills: kept.length ? kept : undefined });
            }}
          />
          <Select
            aria-label="状态"
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            placeholder="已报到"
            value={filter.statuses ?? []}
            options={CHECKIN_STATUSES.map((s) => ({ value: s, label: CHECKIN_STATUS_LABEL[s] }))}
            onChange={(statuses) => setFilter({ ...filter, statuses: statuses.length ? statuses : undefined })}
          />
          <Select
            aria-label={VETERAN_LABEL}
            style={{ width: 150 }}
            value={filter.veteran === undefined ? 'all' : filter.veteran ? 'yes' : 'no'}
            options={[
              { value: 'all', label: `${VETERAN_LABEL}：不限` },
              { value: 'yes', label: `只看${VETERAN_LABEL}` },
              { value: 'no', label: `不是${VETERAN_LABEL}` },
            ]}
            onChange={(v) => setFilter({ ...filter, veteran: v === 'all' ? undefined : v === 'yes' })}
          />
          {filtered && (
            <Button icon={<ClearOutlined />} onClick={() => setFilter({})}>
              清除筛选
            </Button>
          )}
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {exported && (
        <Typography.Text type="secondary" data-testid="roster-file">
          已导出：{exported}
        </Typography.Text>
      )}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>{filter.statuses ? filter.statuses.map((s) => CHECKIN_STATUS_LABEL[s]).join('、') : '已报到的党员'}</span>
            {total !== null && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="roster-total">
                共 {total} 人
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<CheckinView>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={{ current: page, pageSize: PAGE, total: total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: error ? '没有读到花名册' : filtered ? '没有符合条件的党员' : '还没有已报到的党员' }}
        />
      </Card>
      {ending && (
        <EndModal
          item={ending.item}
          event={ending.event}
          onClose={() => setEnding(null)}
          onFailed={(e, form) => refusedEnd(e, ending.item, form)}
          onEnded={(c) => {
            message.success(`已办理${c.name}${END_WORDS[ending.event].verb}（${c.endedOn ?? ''}），已通知本人`);
            setEnding(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
