/**
 * 公约: a compound's rules (?compound=, the first compound the person sees): the text in force, and every
 * version before it with the topic whose decision changed it. Staff of the community enter the first
 * text or correct it (RulesModal); a change decided by residents comes through a topic's 记录决定.
 */
import { Alert, Button, Card, Descriptions, Empty, Flex, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { CompoundRulesVersionView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { dateTime } from '../../format';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { openTopic } from './index';
import { RulesModal } from './RulesModal';
import { compoundsOf } from './units';

const TopicLink = ({ v }: { v: CompoundRulesVersionView }) =>
  v.topic ? <Typography.Link onClick={() => openTopic(v.topic!.id)}>{v.topic.title}</Typography.Link> : <Typography.Text type="secondary">工作人员录入</Typography.Text>;

export default function RulesPage() {
  const search = useSearch();
  const { units } = useUnits();
  const compounds = compoundsOf(units);
  const asked = new URLSearchParams(search).get('compound');
  const compoundId = compounds.find((c) => c.value === asked)?.value ?? compounds[0]?.value ?? null;
  const [editing, setEditing] = useState(false);
  const { data: rules, setData, loading, error, reload } = useLoaded(compoundId ? () => api.deliberation.rules({ compoundId }) : null, [compoundId]);

  const columns: TableColumnsType<CompoundRulesVersionView> = [
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
    { title: '说明', dataIndex: 'note' },
    { title: '修改依据', key: 'topic', width: 260, render: (_, v) => <TopicLink v={v} /> },
    { title: '录入人', dataIndex: 'adoptedBy', width: 110 },
    { title: '生效时间', dataIndex: 'adoptedAt', width: 160, render: (t: number) => dateTime(t) },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="小区公约" hint="小区管理公约的现行文本和每一次修改（注明经哪个议题决定）">
        <Select
          aria-label="小区"
          style={{ width: 200 }}
          value={compoundId ?? undefined}
          placeholder="选择小区"
          showSearch={{ optionFilterProp: 'label' }}
          options={compounds}
          onChange={(v: string) => replaceSearch(new URLSearchParams({ compound: v }).toString())}
        />
        {rules?.canKeep && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {rules.current ? '更正公约' : '录入公约'}
          </Button>
        )}
      </PageHeader>
      {units !== null && compounds.length === 0 && <Alert type="info" showIcon title="您负责的范围内没有小区" />}
      {error && <Alert type="error" showIcon title={error} />}
      {compoundId && !rules && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {rules && (
        <>
          <Card size="small" title={rules.current ? `现行公约（第 ${rules.current.version} 版）` : '现行公约'} loading={loading} data-testid="rules-current">
            {rules.current ? (
              <>
                <Descriptions column={3} size="small" style={{ marginBottom: 12 }}>
                  <Descriptions.Item label="说明">{rules.current.note}</Descriptions.Item>
                  <Descriptions.Item label="修改依据">
                    <TopicLink v={rules.current} />
                  </Descriptions.Item>
                  <Descriptions.Item label="生效">
                    {rules.current.adoptedBy} · {dateTime(rules.current.adoptedAt)}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="rules-text">
                  {rules.current.text}
                </Typography.Paragraph>
              </>
            ) : (
              <Empty description={rules.canKeep ? '还没有录入公约：点“录入公约”填写现行的小区管理公约' : '还没有录入公约'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card size="small" title="修改记录">
            <Table
              rowKey="version"
              size="small"
              columns={columns}
              dataSource={rules.history}
              pagination={false}
              data-testid="rules-history"
              expandable={{ expandedRowRender: (v) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.text}</Typography.Paragraph> }}
              locale={{ emptyText: '没有修改记录' }}
            />
          </Card>
        </>
      )}
      {editing && rules && (
        <RulesModal
          rules={rules}
          onClose={() => {
            setEditing(false);
            reload();
          }}
          onSaved={(r) => {
            setEditing(false);
            setData(r);
          }}
        />
      )}
    </Flex>
  );
}
