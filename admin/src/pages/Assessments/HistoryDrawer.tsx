/**
 * 历史: one compound's published months, newest first (the two years its public page keeps), each with
 * its flag, score and figures, and its notice to print again.
 */
import { Alert, Button, Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { AssessmentView } from '../../api';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { printHref } from './columns';
import { figureLines, scoreText } from './figures';
import { FlagMark } from './FlagMark';

const columns: TableColumnsType<AssessmentView> = [
  { title: '月份', key: 'month', width: 100, render: (_, a) => a.monthLabel },
  { title: '物业公司', key: 'company', render: (_, a) => a.company.name },
  { title: '红旗 / 黄旗', key: 'flag', width: 190, render: (_, a) => <FlagMark assessment={a} /> },
  { title: '综合得分', key: 'score', width: 90, render: (_, a) => scoreText(a.result.score) },
  {
    title: '响应率 / 按时办结率 / 满意率 / 问卷',
    key: 'figures',
    width: 210,
    render: (_, a) => (
      <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
        {figureLines(a)
          .map((l) => l.value)
          .join(' / ')}
      </Typography.Text>
    ),
  },
  { title: '发布', key: 'published', width: 150, render: (_, a) => `${a.publishedBy?.name ?? ''} ${a.publishedAt ? date(a.publishedAt) : ''}` },
  {
    title: '',
    key: 'print',
    width: 80,
    render: (_, a) => (
      <Button size="small" icon={<PrinterOutlined />} href={printHref(a.id)} target="_blank" rel="noopener">
        打印
      </Button>
    ),
  },
];

export function HistoryDrawer({ compound, onClose }: { compound: { id: string; name: string }; onClose(): void }) {
  const { data, loading, error } = useLoaded(() => api.assessments.compound({ compoundId: compound.id }), [compound.id]);
  return (
    <Drawer open title={`${compound.name} · 历次测评`} size={1040} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        已发布的月份，最近的在前（保留两年）。{data?.company ? `现在的物业公司：${data.company.name}。` : data ? '现在没有登记物业公司。' : ''}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <div data-testid="history">
      <Table<AssessmentView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.history ?? []}
        pagination={false}
        locale={{ emptyText: '还没有发布过测评' }}
      />
      </div>
    </Drawer>
  );
}
