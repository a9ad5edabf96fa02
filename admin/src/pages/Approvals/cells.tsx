/**
 * What the approver reads in each row of the queue before deciding: who applies (and whether they
 * were turned away before, or live somewhere already), which door, which phone and how sure it is,
 * and when.
 */
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { RegistrationQueueItem } from '../../api';
import { date, dateTime } from '../../format';

const DAY = 24 * 3600_000;

export function ApplicantCell({ item }: { item: RegistrationQueueItem }) {
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="applicant">
      <Typography.Text strong style={{ fontSize: 16 }}>
        {item.name}
      </Typography.Text>
      {item.applicant && (
        <Tooltip title={`已是居民「${item.applicant.name}」，这次登记的是另一户；通过后就是本人，不会新建一个人`}>
          <Tag color="blue" data-testid="already-resident">
            已是居民（{item.applicant.name}）
          </Tag>
        </Tooltip>
      )}
      {item.rejectedBefore.length > 0 && (
        <Flex vertical gap={2} data-testid="rejected-before">
          <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
            曾被拒绝 {item.rejectedBefore.length} 次
          </Tag>
          {item.rejectedBefore.map((r, i) => (
            <Typography.Text key={`${r.at}-${i}`} type="secondary" style={{ fontSize: 13 }}>
              {date(r.at)}：{r.reason ?? '（没有写原因）'}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** The building as a trail and the door: "阳光社区 幸福里小区 3号楼" over "3号楼 · 2单元 5层 502室". */
export function HomeCell({ item }: { item: RegistrationQueueItem }) {
  return (
    <Flex vertical gap={2} data-testid="home">
      <Typography.Text strong>
        {item.building.name} · {item.doorLabel || <Typography.Text type="warning">没有填门牌</Typography.Text>}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {item.trail}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The phone and how it came: WeChat's own number, or typed. A typed number proves nothing (anyone
 * can type a neighbour's), so the row says to call it before approving.
 */
export function PhoneCell({ item }: { item: RegistrationQueueItem }) {
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="phone">
      <Typography.Text copyable={{ text: item.phone, tooltips: ['复制号码', '已复制'] }} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {item.phone}
      </Typography.Text>
      {item.phoneVerified ? (
        <Tooltip title="这是申请人微信绑定的手机号，由微信验证">
          <Tag color="green" data-phone="verified">
            微信验证
          </Tag>
        </Tooltip>
      ) : (
        <>
          <Tag color="orange" data-phone="typed">
            手填
          </Tag>
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            自己填的号码，未经验证：请先打电话核实是本人
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

export function SubmittedCell({ item, now }: { item: RegistrationQueueItem; now: number }) {
  const days = Math.floor((now - item.createdAt) / DAY);
  return (
    <Flex vertical gap={2}>
      <span>{dateTime(item.createdAt)}</span>
      {days >= 1 && (
        <Typography.Text type={days >= 3 ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          已等 {days} 天
        </Typography.Text>
      )}
    </Flex>
  );
}
