/**
 * Who approving makes the member. When people under the unit already carry the check-in's phone
 * (an imported resident, someone staff added) and nobody signs in as them, the approver says which
 * one the member is, or that they are someone new: nothing is preselected, since either mistake is
 * costly (a duplicate person, or a stranger bound to someone's record). As 入住审核 does.
 */
import { Flex, Radio, Typography } from 'antd';
import type { CheckinQueueItem } from '../../api';

/** The approver's answer: a match's person id, or 'new'. */
export type Who = string;
export const NEW_PERSON: Who = 'new';

/** Must the approver choose before 通过 (there is someone the member may be)? */
export function needsChoice(item: CheckinQueueItem): boolean {
  return item.matches.length > 0;
}

/** What approve sends as personId: a match, null for a new person, nothing when there was no choice. */
export function personIdFor(item: CheckinQueueItem, who: Who | undefined): string | null | undefined {
  if (!needsChoice(item)) return undefined;
  return who === NEW_PERSON ? null : who;
}

interface Props {
  item: CheckinQueueItem;
  value: Who | undefined;
  onChange(who: Who): void;
  disabled?: boolean;
}

export function WhoChoice({ item, value, onChange, disabled }: Props) {
  if (item.matches.length === 0) {
    return (
      <Flex vertical gap={2} data-testid="who">
        <span>按报到信息成为党员</span>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.unit.name}没有手机号相同、还没绑定微信的人
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4} data-testid="who">
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {item.unit.name}有手机号相同的人，请选择报到人是谁：
      </Typography.Text>
      <Radio.Group
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        aria-label={`${item.name}是谁`}
      >
        {item.matches.map((m) => (
          <Radio key={m.id} value={m.id}>
            就是已登记的「{m.name}」
            {m.name !== item.name && (
              <Typography.Text type="warning" style={{ marginInlineStart: 6, fontSize: 13 }}>
                姓名不同，请核实
              </Typography.Text>
            )}
          </Radio>
        ))}
        <Radio value={NEW_PERSON}>
          不是他们
          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 13 }}>
            按「{item.name}」新建
          </Typography.Text>
        </Radio>
      </Radio.Group>
    </Flex>
  );
}
