/**
 * One project: both sides, the need or resource it answers, its owners and milestones, and its result.
 * The buttons are what the server says the caller may do now (`can`): 接受 / 不接受 a partner's claim,
 * 取消, the milestones, 结项 with the result and photos. A refusal is said and the project read again.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Image, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { ProjectView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';
import { date, dateTime } from '../../format';
import { useLoaded } from '../../loaded';
import { CloseModal } from './CloseModal';
import { ProjectTag } from './labels';
import { Milestones } from './Milestones';

interface Props {
  id: string;
  /** The project changed: the list follows. */
  onChanged(): void;
  onClose(): void;
}

export function ProjectDrawer({ id, onChanged, onClose }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const { data: p, setData, loading, error, reload } = useLoaded(() => api.partners.project({ id }), [id]);
  const [accepting, setAccepting] = useState(false);
  const [deciding, setDeciding] = useState<'decline' | 'cancel' | null>(null);
  const [closing, setClosing] = useState(false);

  const changed = (next: ProjectView, said?: string) => {
    setData(next);
    if (said) message.success(said);
    onChanged();
  };
  const refused = (e: unknown) => {
    fail(e);
    reload();
  };

  async function accept(project: ProjectView) {
    setAccepting(true);
    try {
      changed(await api.partners.accept({ id: project.id, version: project.version }), `已接受，项目「${project.title}」开始，您是社区一方的负责人`);
    } catch (e) {
      refused(e);
    } finally {
      setAccepting(false);
    }
  }

  return (
    <Drawer open size={760} title={p ? p.title : '项目'} onClose={onClose}>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !p && <Skeleton active />}
      {p && (
        <Flex vertical gap={20} data-testid="project-detail">
          <Flex gap={8} align="center" wrap>
            <ProjectTag status={p.status} label={p.statusLabel} />
            <Typography.Text type="secondary">{p.startedByLabel}</Typography.Text>
            <Flex gap={8} style={{ marginLeft: 'auto' }}>
              {p.can.accept && (
                <Popconfirm title="接受这个项目？" description="接受后项目开始，您是社区一方的负责人。" okText="接受" cancelText="取消" onConfirm={() => accept(p)}>
                  <Button type="primary" loading={accepting}>
                    接受
                  </Button>
                </Popconfirm>
              )}
              {p.can.decline && <Button onClick={() => setDeciding('decline')}>不接受</Button>}
              {p.can.close && (
                <Button type="primary" onClick={() => setClosing(true)}>
                  结项
                </Button>
              )}
              {p.can.cancel && (
                <Button danger onClick={() => setDeciding('cancel')}>
                  取消项目
                </Button>
              )}
            </Flex>
          </Flex>
          {p.status === 'proposed' && !p.can.accept && (
            <Alert type="info" showIcon title={p.startedBy === 'community' ? `等${p.partner.name}在小程序里确认接受` : '等社区确认接受'} />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="共建单位">{p.partner.name}</Descriptions.Item>
            <Descriptions.Item label="社区">{p.community.name}</Descriptions.Item>
            <Descriptions.Item label="需求">{p.need?.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="资源">{p.resource?.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="社区负责人">{p.communityOwner?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="单位负责人">{p.partnerOwner?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="发起">{dateTime(p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={p.closedAt ? '结项' : '确认'}>{p.closedAt ? date(p.closedAt) : p.decidedAt ? date(p.decidedAt) : '—'}</Descriptions.Item>
            {p.note && (
              <Descriptions.Item label="认领说明" span={2}>
                {p.note}
              </Descriptions.Item>
            )}
            {p.reason && (
              <Descriptions.Item label={p.status === 'declined' ? '不接受的原因' : '取消的原因'} span={2}>
                {p.reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {(p.status === 'active' || p.milestones.length > 0) && (
            <Flex vertical gap={8}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                节点
              </Typography.Title>
              <Milestones project={p} onChanged={(next) => changed(next)} onFailed={refused} />
            </Flex>
          )}
          {p.result && (
            <Flex vertical gap={8} data-testid="project-result">
              <Typography.Title level={5} style={{ margin: 0 }}>
                项目成效
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.result.text}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Image.PreviewGroup>
                  {p.result.photos.map((src, i) => (
                    <Image key={src} src={src} alt={`成效照片 ${i + 1}`} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  ))}
                </Image.PreviewGroup>
              </Flex>
            </Flex>
          )}
        </Flex>
      )}
      {p && deciding && (
        <ReasonModal<{ reason: string }>
          name={deciding}
          title={deciding === 'decline' ? `不接受：${p.title}` : `取消项目：${p.title}`}
          okText={deciding === 'decline' ? '不接受' : '取消项目'}
          context={p.partner.name}
          notice={{ type: 'warning', text: p.need ? `需求「${p.need.title}」回到待认领，其他共建单位可以再认领。对方会收到通知。` : '对方会收到通知。' }}
          label={deciding === 'decline' ? '不接受的原因' : '取消的原因'}
          required={deciding === 'decline' ? '请填写不接受的原因' : '请填写取消的原因'}
          placeholder="对方会看到这个原因"
          onSubmit={async ({ reason }) => {
            const next = deciding === 'decline' ? await api.partners.decline({ id: p.id, version: p.version, reason }) : await api.partners.cancel({ id: p.id, version: p.version, reason });
            changed(next, deciding === 'decline' ? '已告诉对方不接受这个项目' : '项目已取消');
            setDeciding(null);
          }}
          onFailed={(e, form) => fail(e, form)}
          onClose={() => setDeciding(null)}
        />
      )}
      {p && closing && (
        <CloseModal
          project={p}
          onClose={() => setClosing(false)}
          onFailed={(e, form) => fail(e, form)}
          onClosed={(next) => {
            changed(next, `项目「${next.title}」已结项${next.need ? '，需求已满足' : ''}`);
            setClosing(false);
          }}
        />
      )}
    </Drawer>
  );
}
