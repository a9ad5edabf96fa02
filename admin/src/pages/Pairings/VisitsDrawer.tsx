/** A pairing's visits (走访), newest first: the day, what was done, what the household needs, the report filed. */
import { Alert, Descriptions, Drawer, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { PairingView, VisitView } from '../../api';
import { useFailure } from '../../feedback';
import { navigate } from '../../router';

export function VisitsDrawer({ pairing, onClose }: { pairing: PairingView; onClose(): void }) {
  const fail = useFailure();
  const [visits, setVisits] = useState<VisitView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.pairings.visits({ pairingId: pairing.id, limit: 200 }).then(
      (r) => {
        if (!live) return;
        setVisits(r.rows);
        setTotal(r.total);
      },
      (e) => {
        const err = fail(e);
        if (live) {
          setVisits([]);
          setError(err?.message ?? '没有读到走访记录');
        }
      },
    );
    return () => {
      live = false;
    };
  }, [pairing.id, fail]);

  return (
    <Drawer open title={`${pairing.member.name}的走访记录`} size={560} onClose={onClose} destroyOnHidden>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="住户">
          {pairing.household.trail} {pairing.household.doorLabel}
        </Descriptions.Item>
        {pairing.contactName && <Descriptions.Item label="联系人">{[pairing.contactName, pairing.contactPhone].filter(Boolean).join(' · ')}</Descriptions.Item>}
        {pairing.kinds && <Descriptions.Item label="户类别">{pairing.kinds.length ? pairing.kinds.join('、') : '未设置'}</Descriptions.Item>}
        <Descriptions.Item label="状态">
          {pairing.statusLabel}
          {pairing.endReason && `（${pairing.endReason}）`}
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {visits === null ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : visits.length === 0 ? (
        <Empty description="还没有走访记录：党员在小程序“我的联户”里记录" />
      ) : (
        <List<VisitView>
          header={<Typography.Text type="secondary">共 {total} 次走访</Typography.Text>}
          dataSource={visits}
          renderItem={(v) => (
            <List.Item key={v.id} data-testid="visit">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={8} align="center">
                  <Typography.Text strong>{v.date.replace(/-/g, '/')}</Typography.Text>
                  <Typography.Text type="secondary">{v.member.name}</Typography.Text>
                  {v.reportId && (
                    <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => navigate('desk', { search: new URLSearchParams({ report: v.reportId! }).toString() })}>
                      已代报反映，点击查看
                    </Tag>
                  )}
                </Flex>
                <Typography.Text>做了什么：{v.done}</Typography.Text>
                {v.needs && <Typography.Text>住户需要：{v.needs}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
