import { App, Button, Flex, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { RegistrationQueueItem } from '../../api';
import { decrementPendingCount, setPendingCount } from '../../approvals';
import { DecisionQueueView, useDecisionQueue } from '../../components/DecisionQueue';
import { ApplicantCell, HomeCell, PhoneCell, SubmittedCell } from './cells';
import { RejectModal } from './RejectModal';
import { needsChoice, personIdFor, WhoChoice } from './WhoChoice';

/** What the approver read is no longer so: say what happened and show the queue as it is now. */
const STALE_SAYS: Record<string, (name: string) => string> = {
  'CONFLICT.VERSION': (name) => `${name}的登记刚刚有了变化，已为您刷新，请再核对一次`,
  'REGISTRATION.ALREADY_DECIDED': (name) => `${name}的登记已经有人审核过了，已为您刷新列表`,
  'REGISTRATION.NOT_FOUND': (name) => `找不到${name}的登记，已为您刷新列表`,
};

const OPTIONS = {
  load: (unitId: string | undefined) => api.registration.pending(unitId ? { unitId } : {}).then((r) => r.registrations),
  staleSays: STALE_SAYS,
  takenCode: 'REGISTRATION.PERSON_TAKEN',
  takenCalled: '这位居民',
  onLoaded: (items: RegistrationQueueItem[], unitId: string | undefined) => {
    if (!unitId) setPendingCount(items.length);
  },
  onDecided: () => decrementPendingCount(),
};

/** 入住审核: the registrations waiting for the caller (their whole scope, or one unit of it), oldest first. */
export default function ApprovalsPage() {
  const { message } = App.useApp();
  const q = useDecisionQueue<RegistrationQueueItem>(OPTIONS);
  const { who, deciding } = q;
  const [rejecting, setRejecting] = useState<RegistrationQueueItem | null>(null);

  const approve = (item: RegistrationQueueItem) =>
    q.decide(item, async () => {
      const chosen = who[item.id];
      const r = await api.registration.approve({ id: item.id, version: item.version, personId: personIdFor(item, chosen) });
      const match = item.matches.find((m) => m.id === chosen);
      const home = `${r.building.name}${r.doorLabel ? ` ${r.doorLabel}` : ''}`;
      message.success(
        match
          ? `已通过：${item.name}就是导入的「${match.name}」，已成为${r.building.name}的居民，已通知本人`
          : item.applicant
            ? `已通过：${item.name}多登记了一户（${home}），已通知本人`
            : `已通过：${item.name}已成为${home}的居民，已通知本人`,
      );
    });

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
      render: (_, r) => <WhoChoice item={r} value={who[r.id]} disabled={deciding === r.id} onChange={(v) => q.choose(r.id, v)} />,
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
    <DecisionQueueView
      title="入住审核"
      hint="扫楼栋码、个人码登记的居民：核对姓名、门牌和电话，通过后成为楼里的居民"
      reloadHint="看看有没有新的登记"
      noun="登记"
      countTestId="approvals-count"
      state={q}
      columns={columns}
    >
      {rejecting && (
        <RejectModal
          item={rejecting}
          onClose={() => setRejecting(null)}
          onFailed={(e, form) => {
            if (q.refused(e, rejecting, form)) setRejecting(null);
          }}
          onRejected={() => {
            message.success(`已退回${rejecting.name}的登记，本人会看到原因`);
            q.decided(rejecting.id);
            setRejecting(null);
          }}
        />
      )}
    </DecisionQueueView>
  );
}
