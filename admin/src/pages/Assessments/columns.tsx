/**
 * The month's table: one row a compound — its company, the three report rates and the survey's score
 * (each with what it counts), the combined score, the flag proposed (a draft) or given (published), and
 * where it stands, with what staff do next: publish, print or preview the notice, read the residents'
 * comments, open the compound's history.
 */
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CommentOutlined, HistoryOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import type { AssessmentPolicy } from '../../../../src/core/assessment';
import type { AssessmentView, ReviewRow } from '../../api';
import { dateTime } from '../../format';
import { hrefOf, navigate } from '../../router';
import { figureLines, scoreText, type FigureLine } from './figures';
import { FlagMark } from './FlagMark';

export interface ColumnActions {
  /** The community's policy now: a draft computed under another is marked for recomputing. */
  policy: AssessmentPolicy | null;
  publishing: string | null;
  onPublish(a: AssessmentView): void;
  onComments(row: ReviewRow): void;
  onHistory(row: ReviewRow): void;
}

const samePolicy = (a: AssessmentPolicy, b: AssessmentPolicy) => JSON.stringify(a) === JSON.stringify(b);

/** The notice of one compound's month, in a tab of its own so the table stays where it was. */
export const printHref = (id: string) => hrefOf('assessments/print', new URLSearchParams({ id }).toString());

function figure(key: FigureLine['key'], title: string) {
  return {
    title,
    key,
    width: 96,
    render: (_: unknown, row: ReviewRow) => {
      if (!row.assessment) return <Typography.Text type="secondary">—</Typography.Text>;
      const line = figureLines(row.assessment).find((l) => l.key === key)!;
      return (
        <Flex vertical gap={0}>
          <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`figure-${key}`}>
            {line.value}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line.basis}
          </Typography.Text>
        </Flex>
      );
    },
  };
}

export function reviewColumns(act: ColumnActions): TableColumnsType<ReviewRow> {
  return [
    { title: '小区', key: 'compound', width: 96, render: (_, row) => <Typography.Text strong>{row.compound.name}</Typography.Text> },
    {
      title: '物业公司',
      key: 'company',
      width: 150,
      render: (_, row) => {
        const name = row.assessment?.company.name ?? row.company?.name;
        if (name) return name;
        return (
          <Flex vertical gap={0}>
            <Typography.Text type="secondary">未登记物业公司</Typography.Text>
            <Typography.Link style={{ fontSize: 12 }} onClick={() => navigate('assessments/companies')}>
              去登记
            </Typography.Link>
          </Flex>
        );
      },
    },
    figure('responseRate', '响应率'),
    figure('onTimeRate', '按时办结率'),
    figure('satisfactionRate', '满意率'),
    figure('survey', '问卷得分'),
    {
      title: '综合得分',
      key: 'score',
      width: 80,
      render: (_, row) => (row.assessment ? <Typography.Text strong data-testid="score">{scoreText(row.assessment.result.score)}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: '红旗 / 黄旗',
      key: 'flag',
      width: 150,
      render: (_, row) => (row.assessment ? <FlagMark assessment={row.assessment} proposed={row.assessment.status === 'draft'} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: '状态',
      key: 'status',
      width: 118,
      render: (_, row) => {
        const a = row.assessment;
        if (!a) return <Tag data-testid="status">{row.company ? '未计算' : '不参加测评'}</Tag>;
        if (a.status === 'published') {
          return (
            <Flex vertical gap={2}>
              <Tag color="green" style={{ width: 'fit-content' }} data-testid="status">
                已发布
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.publishedBy?.name ?? ''} {a.publishedAt ? dateTime(a.publishedAt) : ''}
              </Typography.Text>
            </Flex>
          );
        }
        const stale = act.policy && !samePolicy(act.policy, a.policy);
        return (
          <Flex vertical gap={2}>
            <Tag color="blue" style={{ width: 'fit-content' }} data-testid="status">
              待发布
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              计算于 {dateTime(a.computedAt)}
            </Typography.Text>
            {stale && (
              <Tooltip title="测评设置在计算之后改过：点“计算”重新算一次，就按新的权重和分数线">
                <Tag color="orange" style={{ width: 'fit-content' }} data-testid="old-policy">
                  按旧设置计算
                </Tag>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 112,
      render: (_, row) => {
        const a = row.assessment;
        return (
          <Flex vertical gap={4} align="flex-start">
            {a?.status === 'draft' && (
              <Popconfirm
                title={`发布${row.compound.name}${a.monthLabel}的测评？`}
                description={
                  <div style={{ maxWidth: 300 }}>
                    {a.flag ? `评为${a.flagLabel}，综合得分 ${scoreText(a.result.score)}。` : `不评旗：${a.noFlagText ?? ''}。`}
                    发布后本小区的居民在小程序里就能看到，这个月不能再重新计算。
                  </div>
                }
                okText="发布"
                cancelText="取消"
                onConfirm={() => act.onPublish(a)}
              >
                <Button size="small" type="primary" icon={<SendOutlined />} loading={act.publishing === a.id}>
                  发布
                </Button>
              </Popconfirm>
            )}
            {a && (
              <Button size="small" icon={<PrinterOutlined />} href={printHref(a.id)} target="_blank" rel="noopener">
                {a.status === 'published' ? '打印' : '预览'}
              </Button>
            )}
            {(row.company || a) && (
              <Button size="small" icon={<CommentOutlined />} onClick={() => act.onComments(row)}>
                意见
              </Button>
            )}
            <Button size="small" icon={<HistoryOutlined />} onClick={() => act.onHistory(row)}>
              历史
            </Button>
          </Flex>
        );
      },
    },
  ];
}
