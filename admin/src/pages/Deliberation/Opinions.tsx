/**
 * A topic's opinions (意见), newest as the server orders them, with the author's name half hidden.
 * Moderators hide one with a reason its author sees (a notice, a personal attack, a phone number) and
 * show it again; a hidden one stays here, greyed, with who sees it and why.
 */
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { OpinionView, TopicView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';
import { dateTime } from '../../format';

const COMMON = ['含有电话、门牌等个人信息', '有人身攻击或不文明用语', '广告或与议题无关', '重复发布'];

export function Opinions({ topic, onChanged }: { topic: TopicView; onChanged(t: TopicView): void }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [hiding, setHiding] = useState<OpinionView | null>(null);
  const moderate = topic.can.moderate;

  async function unhide(o: OpinionView) {
    try {
      onChanged(await api.deliberation.unhide({ opinionId: o.id }));
      message.success('已恢复这条意见，大家又能看到了');
    } catch (e) {
      fail(e);
    }
  }

  return (
    <Card title={`居民意见（${topic.opinionsList.length} 条）`} size="small" data-testid="opinions">
      {topic.opinionsList.length === 0 ? (
        <Empty description="还没有人发表意见" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical>
          {topic.opinionsList.map((o, i) => (
            <Flex
              key={o.id}
              gap={16}
              align="start"
              data-testid="opinion"
              style={{ padding: '12px 8px', borderTop: i ? '1px solid #f0f0f0' : undefined, background: o.hidden ? '#fafafa' : undefined }}
            >
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{o.author}</Typography.Text>
                  <Typography.Text type="secondary">{dateTime(o.createdAt)}</Typography.Text>
                  {o.hidden && <Tag color="default">已隐藏</Tag>}
                </Flex>
                <Typography.Paragraph type={o.hidden ? 'secondary' : undefined} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {o.text}
                </Typography.Paragraph>
                {o.hidden && (
                  <Typography.Text type="secondary" data-testid="hidden-reason">
                    {dateTime(o.hidden.at)} 隐藏，原因：{o.hidden.reason}（只有发表人和管理人员能看到这条意见和原因）
                  </Typography.Text>
                )}
              </Flex>
              {moderate &&
                (o.hidden ? (
                  <Popconfirm title="恢复这条意见？" description="恢复后，能看这个议题的人都能看到它" okText="恢复" cancelText="取消" onConfirm={() => unhide(o)}>
                    <Button size="small">恢复</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" danger onClick={() => setHiding(o)}>
                    隐藏
                  </Button>
                ))}
            </Flex>
          ))}
        </Flex>
      )}
      {hiding && (
        <ReasonModal<{ reason: string }>
          title="隐藏这条意见"
          okText="隐藏"
          name="hide-opinion"
          context={`${hiding.author}：${hiding.text.length > 60 ? `${hiding.text.slice(0, 60)}…` : hiding.text}`}
          notice={{ type: 'warning', text: '隐藏后其他居民看不到这条意见；发表人仍能看到，并看到您填写的原因。' }}
          label="隐藏的原因（发表人会看到）"
          required="请填写隐藏的原因，发表人会看到"
          placeholder="如：含有电话号码，请去掉后重新发表"
          common={COMMON}
          onSubmit={async ({ reason }) => {
            onChanged(await api.deliberation.hide({ opinionId: hiding.id, reason }));
            setHiding(null);
            message.success('已隐藏这条意见，发表人会看到原因');
          }}
          onFailed={(e, f) => fail(e, f)}
          onClose={() => setHiding(null)}
        />
      )}
    </Card>
  );
}
