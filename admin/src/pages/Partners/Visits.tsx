/**
 * 走访记录: the partners' contacts' visits in a month (this month first), with who has not visited yet.
 * What a visit raised can become a need (转为需求) or be tied to a report staff filed for it (关联反映).
 */
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatChina } from '../../../../src/core/time';
import { api } from '../../api';
import type { PartnerVisitView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { WithCommunity } from './community';
import { NeedModal } from './NeedModal';

const PAGE = 100;

export default function VisitsPage() {
  return <WithCommunity title="走访记录" render={(communityId, picker) => <Visits communityId={communityId} picker={picker} />} />;
}

function Visits({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const q = new URLSearchParams(search);
  const thisMonth = formatChina(Date.now(), 'YYYY-MM');
  const month = /^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month')! : thisMonth;
  const [partnerId, setPartnerId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [toNeed, setToNeed] = useState<PartnerVisitView | null>(null);
  const [linking, setLinking] = useState<PartnerVisitView | null>(null);
  const partners = useLoaded(() => api.partners.list({ communityId }), [communityId]);
  const { data, loading, error, reload } = useLoaded(
    () => api.partners.visits({ communityId, month, ...(partnerId ? { partnerId } : {}), limit: PAGE, offset: (page - 1) * PAGE }),
    [communityId, month, partnerId, page],
  );
  const missing = month === thisMonth ? (partners.data?.partners ?? []).filter((p) => !p.archived && !p.visitedThisMonth) : [];

  const setMonth = (m: string) => {
    const next = new URLSearchParams(search);
    if (m === thisMonth) next.delete('month');
    else next.set('month', m);
    setPage(1);
    replaceSearch(next.toString());
  };

  const columns: TableColumnsType<PartnerVisitView> = [
    { title: '日期', dataIndex: 'day', width: 110 },
    { title: '共建单位', key: 'partner', width: 170, render: (_, v) => v.partner.name },
    { title: '走访人', key: 'by', width: 90, render: (_, v) => v.by.name },
    { title: '见了谁', dataIndex: 'met', width: 150 },
    {
      title: '了解到的诉求 / 反馈',
      key: 'raised',
      render: (_, v) => (
        <Flex vertical>
          <Typography.Text>{v.raised}</Typography.Text>
          {v.feedback && <Typography.Text type="secondary">反馈：{v.feedback}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '后续',
      key: 'then',
      width: 220,
      render: (_, v) => (
        <Flex gap={6} wrap align="center">
          {v.need ? <Tag color="blue">已转需求：{v.need.title}</Tag> : <Button size="small" onClick={() => setToNeed(v)}>转为需求</Button>}
          {v.report ? <Tag>已关联反映</Tag> : <Button size="small" onClick={() => setLinking(v)}>关联反映</Button>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="走访记录" hint="共建单位联络人上门走访：了解诉求、解决问题、及时反馈" wrap>
        {picker}
        <DatePicker picker="month" aria-label="月份" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        <Select
          aria-label="共建单位"
          allowClear
          placeholder="全部共建单位"
          value={partnerId}
          onChange={(v?: string) => {
            setPartnerId(v);
            setPage(1);
          }}
          options={(partners.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 200 }}
        />
        <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
      </PageHeader>
      {missing.length > 0 && (
        <Alert type="warning" showIcon data-testid="not-visited" title={`本月还没有走访的共建单位（${missing.length} 家）：${missing.map((p) => p.name).join('、')}`} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Table<PartnerVisitView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.visits ?? []}
        loading={loading}
        locale={{ emptyText: '这个月没有走访记录（由联络人在小程序里登记）' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 次走访`, hideOnSinglePage: true }}
      />
      {toNeed && (
        <NeedModal
          communityId={communityId}
          fromVisit={{ id: toNeed.id, raised: toNeed.raised, partnerName: toNeed.partner.name }}
          onClose={() => setToNeed(null)}
          onFailed={(e: unknown, form: FormInstance) => fail(e, form)}
          onPosted={(n) => {
            message.success(`已发布需求「${n.title}」，共建单位现在可以认领`);
            setToNeed(null);
            reload();
          }}
        />
      )}
      {linking && (
        <LinkReport
          visit={linking}
          onClose={() => setLinking(null)}
          onFailed={(e, form) => fail(e, form)}
          onLinked={() => {
            message.success('已关联反映');
            setLinking(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}

/** 关联反映: the number of a report staff filed for what the visit raised (反映处理 shows it). */
function LinkReport({ visit, onLinked, onFailed, onClose }: { visit: PartnerVisitView; onLinked(): void; onFailed(e: unknown, form: FormInstance): void; onClose(): void }) {
  const [form] = Form.useForm<{ reportId: string }>();
  const [busy, setBusy] = useState(false);
  async function submit(v: { reportId: string }) {
    setBusy(true);
    try {
      await api.partners.linkVisitReport({ visitId: visit.id, reportId: v.reportId.trim() });
      onLinked();
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={`关联反映：${visit.partner.name} ${visit.day} 的走访`} okText="关联" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} name="link-report" layout="vertical" onFinish={submit} requiredMark={false} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{visit.raised}</Typography.Paragraph>
        <Form.Item name="reportId" label="反映编号" extra="在“反映处理”里为这次走访登记反映后，把它的编号填在这里" rules={[{ required: true, whitespace: true, message: '请填写反映编号' }]}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
