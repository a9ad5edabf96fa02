/**
 * 住户意见: what residents wrote under the survey (其他意见) for one compound's month. Staff read it to
 * understand a score; it is never shown publicly, and it names the building only, never the door or
 * the person.
 */
import { Alert, Drawer, Empty, Flex, Spin, Typography } from 'antd';
import { api } from '../../api';
import { dateTime } from '../../format';
import { useLoaded } from '../../loaded';
import { monthLabel } from './months';

export function CommentsDrawer({ compound, month, onClose }: { compound: { id: string; name: string }; month: string; onClose(): void }) {
  const { data, loading, error } = useLoaded(() => api.assessments.comments({ compoundId: compound.id, month }), [compound.id, month]);
  return (
    <Drawer open title={`${compound.name} · ${monthLabel(month)} · 住户意见`} size={520} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">住户在测评里写的其他意见，只给社区工作人员看，不公开；只写楼栋，不写门牌和姓名。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <Spin />}
      {data && data.comments.length === 0 && <Empty description="这个月没有住户写意见" />}
      {data && data.comments.length > 0 && (
        <Flex vertical gap={12} data-testid="comments">
          {data.comments.map((c, i) => (
            <div key={i} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{c.comment}</Typography.Paragraph>
              <Typography.Text type="secondary">{`${c.building} · ${dateTime(c.at)}`}</Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
