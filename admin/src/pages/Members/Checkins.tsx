import { App, Button, Flex, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { CheckinQueueItem } from '../../api';
import { DecisionQueueView, useDecisionQueue } from '../../components/DecisionQueue';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router';
import { NoAccess, useMemberAccess } from './access';
import { ApplicantCell, BranchCell, PhoneCell, ServeCell } from './cells';
import { ReturnModal } from './ReturnModal';
import { needsChoice, personIdFor, WhoChoice } from './WhoChoice';

/** What the approver read is no longer so: say what happened and show the queue as it is now. */
const STALE_SAYS: Record<string, (name: string) => string> = {
  'CONFLICT.VERSION': (name) => `${name}的报到刚刚有了变化，已为您刷新，请再核对一次`,
  'CHECKIN.ALREADY_DECIDED': (name) => `${name}的报到已经有人审核过了，已为您刷新列表`,
  'CHECKIN.NOT_FOUND': (name) => `找不到${name}的报到，已为您刷新列表`,
};

const OPTIONS = {
  load: (unitId: string | undefined) => api.members.pending(unitId ? { unitId } : {}).then((r) => r.checkins),
  staleSays: STALE_SAYS,
  takenCode: 'CHECKIN.PERSON_TAKEN',
  takenCalled: '这个人',
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
  const q = useDecisionQueue<CheckinQueueItem>(OPTIONS);
  const { who, deciding } = q;
  const [returning, setReturning] = useState<CheckinQueueItem | null>(null);

  const approve = (item: CheckinQueueItem) =>
    q.decide(item, async () => {
      const chosen = who[item.id];
      const r = await api.members.approve({ id: item.id, version: item.version, personId: personIdFor(item, chosen) });
      const match = item.matches.find((m) => m.id === chosen);
      message.success(`已通过：${item.name}${match ? `（就是已登记的「${match.name}」）` : ''}已报到到${r.unit.name}，成为${r.memberTypeLabel}党员，已通知本人`);
    });

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
      render: (_, r) => <WhoChoice item={r} value={who[r.id]} disabled={deciding === r.id} onChange={(v) => q.choose(r.id, v)} />,
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
    <DecisionQueueView
      title="报到审核"
      hint="扫党员报到码报到的党员：核对身份、组织关系和电话，通过后成为本支部的党员"
      reloadHint="看看有没有新的报到"
      noun="报到"
      countTestId="checkins-count"
      state={q}
      columns={columns}
    >
      {returning && (
        <ReturnModal
          item={returning}
          onClose={() => setReturning(null)}
          onFailed={(e, form) => {
            if (q.refused(e, returning, form)) setReturning(null);
          }}
          onReturned={() => {
            message.success(`已退回${returning.name}的报到，本人会看到原因`);
            q.decided(returning.id);
            setReturning(null);
          }}
        />
      )}
    </DecisionQueueView>
  );
}
