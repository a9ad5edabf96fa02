import { Alert, App, Button, Card, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { RegistrationQueueItem } from '../../api';
import { decrementPendingCount, setPendingCount } from '../../approvals';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { ApplicantCell, HomeCell, PhoneCell, SubmittedCell } from './cells';
import { RejectModal } from './RejectModal';
import { needsChoice, personIdFor, WhoChoice } from './WhoChoice';
import type { Who } from './WhoChoice';

/** What the approver read is no longer so: say what happened and show the queue as it is now. */
const STALE_SAYS: Record<string, (name: string) => string> = {
  'CONFLICT.VERSION': (name) => `${name}的登记刚刚有了变化，已为您刷新，请再核对一次`,
  'REGISTRATION.ALREADY_DECIDED': (name) => `${name}的登记已经有人审核过了，已为您刷新列表`,
  'REGISTRATION.NOT_FOUND': (name) => `找不到${name}的登记，已为您刷新列表`,
};

/** 入住审核: the registrations waiting for the caller (their whole scope, or one unit of it), oldest first. */
export default function ApprovalsPage() {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const { treeData } = useUnits();
  const unitId = new URLSearchParams(search).get('unit') ?? undefined;

  const [queue, setQueue] = useState<RegistrationQueueItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [who, setWho] = useState<Record<string, Who>>({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<RegistrationQueueItem | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.registration
      .pending(unitId ? { unitId } : {})
      .then(
        (r) => {
          if (!live) return;
          // The server answers oldest first; kept so here whatever it does, since the oldest waits longest.
          setQueue([...r.registrations].sort((a, b) => a.createdAt - b.createdAt));
          setError(null);
          if (!unitId) setPendingCount(r.registrations.length);
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

  const decided = useCallback((id: string) => {
    setQueue((q) => q && q.filter((x) => x.id !== id));
    decrementPendingCount();
  }, []);

  /** A refused decision: an out-of-date queue is reloaded with a word why; anything else is shown as it is. */
  const refused = useCallback(
    (e: unknown, item: RegistrationQueueItem, form?: FormInstance) => {
      if (e instanceof ApiError && STALE_SAYS[e.code]) {
        message.warning(STALE_SAYS[e.code](item.name));
        setRejecting(null);
        reload();
        return;
      }
      if (e instanceof ApiError && e.code === 'REGISTRATION.PERSON_TAKEN') {
        const taken = item.matches.find((m) => m.id === who[item.id]);
        message.warning(`${taken ? `「${taken.name}」` : '这位居民'}已经绑定了别的微信或账号，不能再选。已为您刷新列表，请重新选择`);
        reload();
        return;
      }
      fail(e, form);
    },
    [message, reload, fail, who],
  );

  async function approve(item: RegistrationQueueItem) {
    const chosen = who[item.id];
    setDeciding(item.id);
    try {
      const r = await api.registration.approve({ id: item.id, version: item.version, personId: personIdFor(item, chosen) });
      decided(item.id);
      const match = item.matches.find((m) => m.id === chosen);
      const home = `${r.building.name}${r.doorLabel ? ` ${r.doorLabel}` : ''}`;
      message.success(
        match
          ? `已通过：${item.name}就是导入的「${match.name}」，已成为${r.building.name}的居民，已通知本人`
          : item.applicant
            ? `已通过：${item.name}多登记了一户（${home}），已通知本人`
            : `已通过：${item.name}已成为${home}的居民，已通知本人`,
      );
    } catch (e) {
      refused(e, item);
    } finally {
      setDeciding(null);
    }
  }

  const now = Date.now();
  const columns: TableColumnsType<RegistrationQueueItem> = [
    { title: '申请人', key: 'applicant', width: 170, render: (_, r) => <ApplicantCell item={r} /> },
    { title: '楼栋与门牌', key: 'home', width: 220, render: (_, r) => <HomeCell item={r} /> },
    { title: '手机号', key: 'phone', width: 200, render: (_, r) => <PhoneCell item={r} /> },
    { title: '提交时间', dataIndex: 'createdAt', width: 140, render: (_, r) => <SubmittedCell item={r} now={now} /> },
    {
      title: '通过后是谁',
      key: 'who',
      width: 260,
      render: (_, r) => <WhoChoice item={r} value={who[r.id]} disabled={deciding === r.id} onChange={(v) => setWho((w) => ({ ...w, [r.id]: v }))} />,
    },
    {
      title: '审核',
      key: 'decide',
      width: 190,
      render: (_, r) => {
        const unchosen = needsChoice(r) && !who[r.id];
        return (
          <Flex gap={8}>
            <Tooltip title={unchosen ? '请先在左边选择：是导入的哪位居民，还是新登记的居民' : undefined}>
              <Button type="primary" icon={<CheckOutlined />} disabled={unchosen || (deciding !== null && deciding !== r.id)} loading={deciding === r.id} onClick={() => void approve(r)}>
                通过
              </Button>
            </Tooltip>
            <Button danger icon={<CloseOutlined />} disabled={deciding === r.id} onClick={() => setRejecting(r)}>
              不通过
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="入住审核" hint="扫楼栋码、个人码登记的居民：核对姓名、门牌和电话，通过后成为楼里的居民" wrap>
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
        <Tooltip title="看看有没有新的登记">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>等待审核</span>
            {queue && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="approvals-count">
                共 {queue.length} 份，先提交的在前
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<RegistrationQueueItem>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={queue ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: error ? '没有读到登记' : '没有等待审核的登记' }}
        />
      </Card>
      {rejecting && (
        <RejectModal
          item={rejecting}
          onClose={() => setRejecting(null)}
          onFailed={(e, form) => refused(e, rejecting, form)}
          onRejected={() => {
            message.success(`已退回${rejecting.name}的登记，本人会看到原因`);
            decided(rejecting.id);
            setRejecting(null);
          }}
        />
      )}
    </Flex>
  );
}
