import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Image, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { ReportDetail, TimelineView } from '../../api';
import { LEVEL_LABEL, RATING_LABEL, isOpen } from '../../core';
import { useFailure } from '../../feedback';
import { untilDue } from '../../format';
import { navigate } from '../../router';
import { formatWhen } from '../../../../src/core/time';
import { ACTIONS, ActionModal } from './ActionModal';
import type { DrawerAction } from './ActionModal';
import { ReassignModal } from './ReassignModal';
import { StatusTag } from './StatusTag';

/** The order buttons appear in: the everyday ones first, the ones that end or move a report last. */
const ORDER: DrawerAction[] = ['respond', 'decideExtension', 'closeFollowUp', 'resolve', 'describe', 'comment', 'requestInfo', 'transfer', 'escalate', 'reject'];
const BUTTON_LABEL: Record<DrawerAction, string> = {
  respond: '受理',
  comment: '添加备注',
  describe: '写下语音内容',
  requestInfo: '请居民补充',
  transfer: '转办部门',
  escalate: '上报上一级',
  resolve: '办结',
  reject: '不予受理',
  decideExtension: '审批延期',
  closeFollowUp: '完成回访',
};
const PRIMARY: DrawerAction[] = ['respond', 'resolve', 'decideExtension', 'closeFollowUp'];

interface Props {
  id: string;
  /** The unit the desk is looking at, offered for reassigning. */
  deskUnitId: string;
  onClose(): void;
  /** Something changed: refresh the list. */
  onChanged(): void;
}

export function ReportDrawer({ id, deskUnitId, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<DrawerAction | 'reassign' | null>(null);

  const load = useCallback(async () => {
    try {
      setReport(await api.reports.detail({ id }));
      setError(null);
    } catch (e) {
      const err = fail(e);
      if (err) setError(err instanceof ApiError && err.code === 'REPORT.NOT_FOUND' ? '没有找到这件反映，可能编号有误或您无权查看。' : err.message);
    }
  }, [id, fail]);

  useEffect(() => {
    setReport(null);
    void load();
  }, [load]);

  const can = new Set(report?.can ?? []);
  const actions = ORDER.filter((a) => can.has(a));
  const open = report ? isOpen(report.status) : false;
  const now = Date.now();

  return (
    <Drawer
      open
      rootClassName="report-drawer"
      size={860}
      onClose={onClose}
      title={
        report ? (
          <Flex align="center" gap={8} wrap>
            <span>
              {report.icon} {report.categoryName}
            </span>
            <StatusTag status={report.status} label={report.statusLabel} />
            {report.urgent && <Tag color="red">紧急</Tag>}
            {report.overdue && <Tag color="error">已超时</Tag>}
            {!report.overdue && report.dueSoon && <Tag color="warning">即将到期</Tag>}
          </Flex>
        ) : (
          '反映详情'
        )
      }
      extra={<Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新详情" />}
      footer={
        report && (actions.length > 0 || open) ? (
          <Flex gap={8} wrap data-testid="drawer-actions">
            {actions.map((a) => (
              <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} danger={ACTIONS[a].danger} onClick={() => setAction(a)}>
                {BUTTON_LABEL[a]}
              </Button>
            ))}
            {open && <Button onClick={() => setAction('reassign')}>转派他人</Button>}
            <Button onClick={() => navigate('deliberation', { search: new URLSearchParams({ fromReport: report.id }).toString() })}>转为议题</Button>
          </Flex>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!report && !error && <Skeleton active paragraph={{ rows: 10 }} />}
      {report && <ReportBody report={report} now={now} />}
      {report && action && action !== 'reassign' && (
        <ActionModal
          action={action}
          report={report}
          onClose={() => setAction(null)}
          onStale={() => void load()}
          onDone={(updated, text) => {
            message.success(text);
            setReport(updated);
            setAction(null);
            onChanged();
          }}
        />
      )}
      {report && action === 'reassign' && (
        <ReassignModal
          reports={[{ id: report.id, version: report.version, label: `${report.icon} ${report.categoryName} · ${report.place}` }]}
          unitId={deskUnitId}
          onClose={() => setAction(null)}
          onDone={(r) => {
            if (r.results.every((x) => x.ok)) setAction(null);
            void load();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

/** The report itself: what was reported, its photos (each already an address the view gives), its figures and timeline. */
export function ReportBody({ report: r, now }: { report: ReportDetail; now: number }) {
  const when = (t: number) => formatWhen(t, now);
  return (
    <Flex vertical gap={16}>
      {r.flagged && <Alert type="error" showIcon title="已在街道层级超时，已提请街道领导关注" />}
      {r.extension && (
        <Alert
          type="warning"
          showIcon
          title={`处理人申请延期 ${r.extension.days} 个工作日，待${LEVEL_LABEL[r.extension.deciderLevel]}审批`}
          description={`理由：${r.extension.reason}（${when(r.extension.requestedAt)}）`}
        />
      )}
      {r.followUp?.status === 'open' && <Alert type="warning" showIcon title="居民评价不满意，需要回访" description={r.ratingNote ? `居民说：${r.ratingNote}` : undefined} />}

      <Typography.Paragraph style={{ fontSize: 16, margin: 0, whiteSpace: 'pre-wrap' }} data-testid="report-description">
        {r.description}
      </Typography.Paragraph>
      {r.voice && (
        // A plain player: the browser's own controls, nothing added to the page's first load.
        <Flex vertical gap={4} data-testid="report-voice">
          <Typography.Text type="secondary">居民的语音（{r.voice.seconds} 秒）</Typography.Text>
          <audio controls preload="none" src={r.voice.url} style={{ width: 360, maxWidth: '100%' }} aria-label={`居民的语音，${r.voice.seconds} 秒`} />
          {r.voice.heard && r.voice.heard !== r.description && <Typography.Text>听到的内容：{r.voice.heard}</Typography.Text>}
        </Flex>
      )}
      {r.photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {r.photos.map((p) => (
              <Image key={p} src={p} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 4 }} alt="居民上传的照片" />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="next-step">
        下一步：{r.nextStepForStaff ?? r.nextStep}
      </Typography.Paragraph>

      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'place', label: '地点', children: [r.place, r.location].filter(Boolean).join(' · '), span: 2 },
          { key: 'resident', label: '反映人', children: r.resident ? `${r.resident.name}${r.anonymous ? '（要求对外匿名）' : ''}` : '—' },
          { key: 'phone', label: '联系电话', children: r.resident?.phone ?? '—' },
          { key: 'channel', label: '来源', children: r.channelLabel },
          { key: 'created', label: '登记时间', children: when(r.createdAt) },
          { key: 'level', label: '当前层级', children: `${r.levelLabel}级` },
          { key: 'handler', label: '处理人', children: r.handler ? `${r.handler.name}（${r.handler.roleLabel}）${r.handler.phone ? ` ${r.handler.phone}` : ''}` : '暂无' },
          { key: 'respondBy', label: '响应期限', children: when(r.respondBy) },
          {
            key: 'dueAt',
            label: '办结期限',
            children: (
              <span style={{ color: r.overdue ? '#cf1322' : r.dueSoon ? '#d46b08' : undefined }}>
                {when(r.dueAt)}
                {isOpen(r.status) ? `（${untilDue(r.dueAt, now, r.overdue)}）` : ''}
              </span>
            ),
          },
          ...(r.transferredTo ? [{ key: 'transfer', label: '转办部门', children: r.transferredTo }] : []),
          ...(r.rating ? [{ key: 'rating', label: '居民评价', children: `${RATING_LABEL[r.rating]}${r.ratingNote ? `：${r.ratingNote}` : ''}` }] : []),
          ...(r.rejectReason ? [{ key: 'reject', label: '不受理原因', children: r.rejectReason }] : []),
          ...(r.escalations || r.disputes || r.breached
            ? [
                {
                  key: 'marks',
                  label: '记录',
                  span: 2,
                  children: [r.escalations ? `上报 ${r.escalations} 次` : '', r.breached ? '曾超时' : '', r.disputes ? `居民异议 ${r.disputes} 次` : ''].filter(Boolean).join('，'),
                },
              ]
            : []),
          { key: 'id', label: '编号', span: 2, children: <Typography.Text copyable={{ text: r.id, tooltips: ['复制编号', '已复制'] }}>{r.id}</Typography.Text> },
        ]}
      />

      <div>
        <Typography.Title level={5}>办理过程</Typography.Title>
        {r.timeline.length === 0 ? <Empty description="暂无记录" /> : <Timeline items={[...r.timeline].reverse().map((t) => timelineItem(t, now))} data-testid="timeline" />}
      </div>
    </Flex>
  );
}

const COLORS: Partial<Record<TimelineView['type'], string>> = {
  breach: 'red',
  escalate: 'orange',
  resolve: 'green',
  rate: 'green',
  dispute: 'red',
  warn: 'orange',
  rejectDuplicate: 'gray',
  rejectNotActionable: 'gray',
};

function timelineItem(t: TimelineView, now: number) {
  const move = t.fromLevel && t.toLevel && t.fromLevel !== t.toLevel ? `${LEVEL_LABEL[t.fromLevel]} → ${LEVEL_LABEL[t.toLevel]}` : null;
  return {
    key: t.id,
    color: COLORS[t.type] ?? 'blue',
    content: (
      <div>
        <div>
          <Typography.Text strong>{t.label}</Typography.Text>
          {move && <Tag style={{ marginInlineStart: 8 }}>{move}</Tag>}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {formatWhen(t.at, now)} · {t.actorName ?? '系统'}
          </Typography.Text>
        </div>
        {t.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t.note}</div>}
        {t.photos.length > 0 && (
          <Space wrap style={{ marginTop: 4 }}>
            {t.photos.map((p) => (
              <Image key={p} src={p} width={64} height={64} style={{ objectFit: 'cover' }} alt="办理照片" />
            ))}
          </Space>
        )}
      </div>
    ),
  };
}
