/**
 * A queue of applications someone decides on (入住审核, 报到审核): loaded for the caller's whole
 * scope or one unit of it (the `unit` search parameter), oldest first since the oldest waits
 * longest; the approver's "who is this" answers per row; one decision at a time; a refused decision
 * on an out-of-date queue reloads it with a word why. The pages keep their columns and words.
 */
import { Alert, App, Button, Card, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCallback, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useFailure } from '../feedback';
import { useLoaded } from '../loaded';
import { replaceSearch, useSearch } from '../router';
import { useUnits } from '../units';
import { PageHeader } from './PageHeader';

export interface QueueItem {
  id: string;
  name: string;
  createdAt: number;
  matches: { id: string; name: string }[];
}

export interface QueueOptions<T extends QueueItem> {
  load(unitId: string | undefined): Promise<T[]>;
  /** What the approver read is no longer so (by error code): what to say before reloading. */
  staleSays: Record<string, (name: string) => string>;
  /** The error code for "the person chosen is someone else's now", and who the unchosen one is called. */
  takenCode: string;
  takenCalled: string;
  onLoaded?(items: T[], unitId: string | undefined): void;
  onDecided?(id: string): void;
}

export function useDecisionQueue<T extends QueueItem>(opts: QueueOptions<T>) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const unitId = new URLSearchParams(search).get('unit') ?? undefined;
  const [who, setWho] = useState<Record<string, string>>({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const { load, onLoaded, onDecided, staleSays, takenCode, takenCalled } = opts;

  const {
    data: queue,
    setData: setQueue,
    loading,
    error,
    reload,
  } = useLoaded<T[]>(
    () =>
      load(unitId).then((items) => {
        onLoaded?.(items, unitId);
        return [...items].sort((a, b) => a.createdAt - b.createdAt);
      }),
    [unitId],
  );

  const decided = useCallback(
    (id: string) => {
      setQueue((q) => q && q.filter((x) => x.id !== id));
      onDecided?.(id);
    },
    [onDecided],
  );

  /** A refused decision: an out-of-date queue is reloaded with a word why; anything else is shown as it is. True when reloaded. */
  const refused = useCallback(
    (e: unknown, item: T, form?: FormInstance): boolean => {
      if (e instanceof ApiError && staleSays[e.code]) {
        message.warning(staleSays[e.code](item.name));
        reload();
        return true;
      }
      if (e instanceof ApiError && e.code === takenCode) {
        const taken = item.matches.find((m) => m.id === who[item.id]);
        message.warning(`${taken ? `「${taken.name}」` : takenCalled}已经绑定了别的微信或账号，不能再选。已为您刷新列表，请重新选择`);
        reload();
        return true;
      }
      fail(e, form);
      return false;
    },
    [message, reload, fail, who, staleSays, takenCode, takenCalled],
  );

  /** Runs one approval with the row marked busy; a refusal goes through `refused`. */
  const decide = useCallback(
    async (item: T, run: () => Promise<void>) => {
      setDeciding(item.id);
      try {
        await run();
        decided(item.id);
      } catch (e) {
        refused(e, item);
      } finally {
        setDeciding(null);
      }
    },
    [decided, refused],
  );

  const choose = useCallback((id: string, v: string) => setWho((w) => ({ ...w, [id]: v })), []);

  return { unitId, queue, loading, error, reload, who, choose, deciding, decided, refused, decide };
}

interface ViewProps<T extends QueueItem> {
  title: string;
  hint: string;
  /** The reload button's tooltip, e.g. 看看有没有新的登记. */
  reloadHint: string;
  /** What is queued, e.g. 登记 or 报到 (in "没有等待审核的…"). */
  noun: string;
  countTestId: string;
  state: ReturnType<typeof useDecisionQueue<T>>;
  columns: TableColumnsType<T>;
  children?: ReactNode;
}

/** The queue's page: header with the unit filter and reload, the error, the table; dialogs as children. */
export function DecisionQueueView<T extends QueueItem>({ title, hint, reloadHint, noun, countTestId, state, columns, children }: ViewProps<T>) {
  const { treeData } = useUnits();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={title} hint={hint} wrap>
        <TreeSelect
          aria-label="单位"
          allowClear
          value={state.unitId}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="全部（我审核的范围）"
          style={{ width: 280 }}
          onChange={(id?: string) => replaceSearch(id ? new URLSearchParams({ unit: id }).toString() : '')}
        />
        <Tooltip title={reloadHint}>
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={state.reload} />
        </Tooltip>
      </PageHeader>
      {state.error && <Alert type="error" showIcon title={state.error} />}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>等待审核</span>
            {state.queue && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid={countTestId}>
                共 {state.queue.length} 份，先提交的在前
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<T>
          rowKey="id"
          size="middle"
          loading={state.loading}
          columns={columns}
          dataSource={state.queue ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: state.error ? `没有读到${noun}` : `没有等待审核的${noun}` }}
        />
      </Card>
      {children}
    </Flex>
  );
}
