import { Alert, App, Button, Card, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { CheckOutlined, RollbackOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { CheckinQueueItem } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { navigate, replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { NoAccess, useMemberAccess } from './access';
import { ApplicantCell, BranchCell, PhoneCell, ServeCell } from './cells';
import { ReturnModal } from './ReturnModal';
import { needsChoice, personIdFor, WhoChoice } from './WhoChoice';
import type { Who } from './WhoChoice';

/** What the approver read is no longer so: say what happened and show the queue as it is now. */
const STALE_SAYS: Record<string, (name: string) => string> = {
  'CONFLICT.VERSION': (name) => `${name}的报到刚刚有了变化，已为您刷新，请再核对一次`,
  'CHECKIN.ALREADY_DECIDED': (name) => `${name}的报到已经有人审核过了，已为您刷新列表`,
  'CHECKIN.NOT_FOUND': (name) => `找不到${name}的报到，已为您刷新列表`,
};

/** 报到审核: the party members' check-ins waiting for the caller (their whole scope, or one unit of it), oldest first. */
export default function CheckinsPage() {
  const access = useMemberAccess();
  if (!access.decides) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="报到审核" />
        <NoAccess title="党员报到由小区党支部书记和社区书记审核。已报到的党员可以在“花名册”里查看。" />
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => navigate('members/roster')}>
          去花名册
        </Button>
      </Flex>
    );
  }
  return <Queue />;
}

function Queue() {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const { treeData } = useUnits();
  const unitId = new URLSearchParams(search).get('unit') ?? undefined;

  const [queue, setQueue] = useState<CheckinQueueItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [who, setWho] = useState<Record<string, Who>>({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const [returning, setReturning] = useState<CheckinQueueItem | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.members
      .pending(unitId ? { unitId } : {})
      .then(
        (r) => {
          if (!live) return;
          // Oldest first whatever the server does: the oldest waits longest.
          setQueue([...r.checkins].sort((a, b) => a.createdAt - b.createdAt));
          setError(null);
        },
        (e) => {
          const err = fail(e);
          if (live && err) {
            setQueue(null);
            setError(err.message);
          }
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [unitId, tick, fail]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const decided = useCallback((id: string) => setQueue((q) => q && q.filter((x) => x.id !== id)), []);

  /** A refused decision: an out-of-date queue is reloaded with a word why; anything else is shown as it is. */
  const refused = useCallback(
    (e: unknown, item: CheckinQueueItem, form?: FormInstance) => {
      if (e instanceof ApiError && STALE_SAYS[e.code]) {
        message.warning(STALE_SAYS[e.code](item.name));
        setReturning(null);
        reload();
        return;
      }
      if (e instanceof ApiError && e.code === 'CHECKIN.PERSON_TAKEN') {
        const taken = item.matches.find((m) => m.id === who[item.id]);
        message.warning(`${taken ? `「${taken.name}」` : '这个人'}已经绑定了别的微信或账号，不能再选。已为您刷新列表，请重新选择`);
        reload();
        return;
      }
      fail(e, form);
    },
    [message, reload, fail, who],
  );

  async function approve(item: CheckinQueueItem) {
    const chosen = who[item.id];
    setDeciding(item.id);
    try {
      const r = await api.members.approve({ id: item.id, version: item.version, personId: personIdFor(item, chosen) });
      decided(item.id);
      const match = item.matches.find((m) => m.id === chosen);
      message.success(`已通过：${item.name}${match ? `（就是已登记的「${match.name}」）` : ''}已报到到${r.unit.name}，成为${r.memberTypeLabel}党员，已通知本人`);
    } catch (e) {
      refused(e, item);
    } finally {
      setDeciding(null);
    }
  }

  const now = Date.now();
  const columns: TableColumnsType<CheckinQueueItem> = [
    { title: '报到人', key: 'applicant', width: 210, render: (_, r) => <ApplicantCell item={r} now={now} /> },
    { title: '手机号', key: 'phone', width: 170, render: (_, r) => <PhoneCell item={r} advise /> },
    { title: '组织关系与工作单位', key: 'branch', width: 200, render: (_, r) => <BranchCell item={r} /> },
    { title: '特长、服务与空闲时间', key: 'serve', width: 230, render: (_, r) => <ServeCell item={r} /> },
    {
      title: '通过后是谁',
      key: 'who',
      width: 200,
      render: (_, r) => <WhoChoice item={r} value={who[r.id]} disabled={deciding === r.id} onChange={(v) => setWho((w) => ({ ...w, [r.id]: v }))} />,
    },
    {
      title: '审核',
      key: 'decide',
      width: 100,
      render: (_, r) => {
        const unchosen = needsChoice(r) && !who[r.id];
        return (
          <Flex vertical gap={8} align="flex-start">
            <Tooltip title={unchosen ? '请先在左边选择：报到人是已登记的哪一位，还是新的人' : undefined}>
              <Button type="primary" icon={<CheckOutlined />} disabled={unchosen || (deciding !== null && deciding !== r.id)} loading={deciding === r.id} onClick={() => void approve(r)}>
                通过
              </Button>
            </Tooltip>
            <Button danger icon={<RollbackOutlined />} disabled={deciding === r.id} onClick={() => setReturning(r)}>
              退回
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="报到审核" hint="扫党员报到码报到的党员：核对身份、组织关系和电话，通过后成为本支部的党员" wrap>
        <TreeSelect
          aria-label="单位"
          allowClear
          value={unitId}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="全部（我审核的范围）"
          style={{ width: 280 }}
          onChange={(id?: string) => replaceSearch(id ? new URLSearchParams({ unit: id }).toString() : '')}
        />
        <Tooltip title="看看有没有新的报到">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>等待审核</span>
            {queue && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="checkins-count">
                共 {queue.length} 份，先提交的在前
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<CheckinQueueItem>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={queue ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: error ? '没有读到报到' : '没有等待审核的报到' }}
        />
      </Card>
      {returning && (
        <ReturnModal
          item={returning}
          onClose={() => setReturning(null)}
          onFailed={(e, form) => refused(e, returning, form)}
          onReturned={() => {
            message.success(`已退回${returning.name}的报到，本人会看到原因`);
            decided(returning.id);
            setReturning(null);
          }}
        />
      )}
    </Flex>
  );
}
