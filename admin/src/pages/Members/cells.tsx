/**
 * What the approver and the roster's reader see of a member's check-in: who they are as a member
 * (type, 退役军人), which phone and how sure it is, the branch that holds their party relationship
 * and where they work, what they can do and when, and where they checked in and live.
 */
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { CheckinQueueItem, CheckinView, MemberType } from '../../api';
import { VETERAN_LABEL } from '../../core';
import { date, dateTime } from '../../format';

const DAY = 24 * 3600_000;

/** Colour only helps the eye: the tag says the type in words. */
const TYPE_COLOR: Record<MemberType, string> = { in_service: 'blue', retired: 'gold', mobile: 'cyan', direct: 'red' };

export function MemberTypeTag({ item }: { item: Pick<CheckinView, 'memberType' | 'memberTypeLabel'> }) {
  return (
    <Tag color={TYPE_COLOR[item.memberType]} style={{ marginInlineEnd: 0 }} data-member-type={item.memberType}>
      {item.memberTypeLabel}党员
    </Tag>
  );
}

export function VeteranTag() {
  return (
    <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="veteran">
      {VETERAN_LABEL}
    </Tag>
  );
}

const small = { fontSize: 13 } as const;
const none = (text = '没有填') => (
  <Typography.Text type="secondary" style={small}>
    {text}
  </Typography.Text>
);

/** The household, when the member lives here: "1号楼 · 2单元 5层 502室". */
export function householdText(item: CheckinView): string | null {
  if (!item.household) return null;
  return `${item.household.building.name}${item.household.doorLabel ? ` · ${item.household.doorLabel}` : ''}`;
}

/**
 * The queue's first column: name, type and tag, where they checked in and live, when they sent it,
 * and their earlier check-ins (a member who was returned before, or transferred out and back).
 */
export function ApplicantCell({ item, now }: { item: CheckinQueueItem; now: number }) {
  const days = Math.floor((now - item.createdAt) / DAY);
  const home = householdText(item);
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="applicant">
      <Typography.Text strong style={{ fontSize: 16 }}>
        {item.name}
      </Typography.Text>
      <Flex gap={4} wrap>
        <MemberTypeTag item={item} />
        {item.veteran && <VeteranTag />}
      </Flex>
      <Typography.Text style={small} data-testid="checkin-unit">
        报到：{item.unit.name}
      </Typography.Text>
      <Typography.Text type={home ? undefined : 'secondary'} style={small} data-testid="household">
        住址：{home ?? '不住在这里'}
      </Typography.Text>
      <Typography.Text type="secondary" style={small}>
        {dateTime(item.createdAt)} 提交
        {days >= 1 && (
          <Typography.Text type={days >= 3 ? 'danger' : 'secondary'} style={{ ...small, marginInlineStart: 6 }}>
            已等 {days} 天
          </Typography.Text>
        )}
      </Typography.Text>
      {item.earlier.length > 0 && (
        <Flex vertical gap={2} data-testid="earlier">
          <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
            以前报到过 {item.earlier.length} 次
          </Tag>
          {item.earlier.map((e) => (
            <Typography.Text key={e.id} type="secondary" style={small}>
              {date(e.at)} {e.unitName} {e.statusLabel}
              {e.reason ? `：${e.reason}` : ''}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/**
 * The phone, whole, and how it came: WeChat's own number, or typed. A typed number proves nothing,
 * so the queue says to call it before approving; the roster only marks it.
 */
export function PhoneCell({ item, advise = false }: { item: Pick<CheckinView, 'phone' | 'phoneVerified'>; advise?: boolean }) {
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="phone">
      <Typography.Text copyable={{ text: item.phone, tooltips: ['复制号码', '已复制'] }} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {item.phone}
      </Typography.Text>
      {item.phoneVerified ? (
        <Tooltip title="这是报到人微信绑定的手机号，由微信验证">
          <Tag color="green" data-phone="verified">
            微信验证
          </Tag>
        </Tooltip>
      ) : (
        <>
          <Tag color="orange" data-phone="typed">
            手填
          </Tag>
          {advise && (
            <Typography.Text type="warning" style={small}>
              自己填的号码，未经验证：请先打电话核实是本人
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}

/** 组织关系所在党支部 (and where it is) over 工作单位. */
export function BranchCell({ item }: { item: Pick<CheckinView, 'branch' | 'workUnit'> }) {
  return (
    <Flex vertical gap={2} data-testid="branch">
      <Typography.Text>{item.branch.name}</Typography.Text>
      {item.branch.place && (
        <Typography.Text type="secondary" style={small}>
          {item.branch.place}
        </Typography.Text>
      )}
      <Typography.Text style={{ ...small, marginTop: 4 }}>
        工作单位：{item.workUnit ?? <Typography.Text type="secondary" style={small}>没有填</Typography.Text>}
      </Typography.Text>
    </Flex>
  );
}

/** 特长, the services offered, and when they are free: what places a member in a grid. */
export function ServeCell({ item }: { item: Pick<CheckinView, 'skills' | 'services' | 'freeTime'> }) {
  const tags = (list: string[], color?: string) => (list.length ? list.map((t) => <Tag key={t} color={color} style={{ marginInlineEnd: 0 }}>{t}</Tag>) : none());
  return (
    <Flex vertical gap={4} data-testid="serve">
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary" style={small}>
          特长
        </Typography.Text>
        {tags(item.skills, 'geekblue')}
      </Flex>
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary" style={small}>
          服务
        </Typography.Text>
        {tags(item.services, 'purple')}
      </Flex>
      <Typography.Text style={small}>
        <Typography.Text type="secondary" style={small}>
          空闲
        </Typography.Text>{' '}
        {item.freeTime ?? none()}
      </Typography.Text>
    </Flex>
  );
}
