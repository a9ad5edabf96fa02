/**
 * Who approving makes the applicant. When residents already on the building carry the same phone
 * (imported, or added by staff) and nobody has claimed them, the approver says which one the
 * applicant is, or that they are someone new: nothing is preselected, since either mistake is
 * costly (a duplicate person, or a stranger who becomes a neighbour).
 */
import { Flex, Radio, Typography } from 'antd';
import type { RegistrationQueueItem } from '../../api';

/** The approver's answer: a match's person id, or 'new'. */
export type Who = string;
export const NEW_PERSON: Who = 'new';

/** Must the approver choose before 通过 (there is someone the applicant may be)? */
export function needsChoice(item: RegistrationQueueItem): boolean {
  return !item.applicant && item.matches.length > 0;
}

/** What approve sends as personId for the answer: a match, null for a new person, nothing when there was no choice. */
export function personIdFor(item: RegistrationQueueItem, who: Who | undefined): string | null | undefined {
  if (!needsChoice(item)) return undefined;
  return who === NEW_PERSON ? null : who;
}

interface Props {
  item: RegistrationQueueItem;
  value: Who | undefined;
  onChange(who: Who): void;
  disabled?: boolean;
}

export function WhoChoice({ item, value, onChange, disabled }: Props) {
  if (item.applicant) {
    return (
      <Typography.Text type="secondary" data-testid="who">
        就是居民「{item.applicant.name}」本人，通过后多登记一户
      </Typography.Text>
    );
  }
  if (item.matches.length === 0) {
    return (
      <Flex vertical gap={2} data-testid="who">
        <span>新登记的居民</span>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          这栋楼没有手机号相同、还没登记的居民
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4} data-testid="who">
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        这栋楼有手机号相同的居民，请选择申请人是谁：
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
            就是导入的「{m.name}」
            {m.name !== item.name && (
              <Typography.Text type="warning" style={{ marginInlineStart: 6, fontSize: 13 }}>
                姓名不同，请核实
              </Typography.Text>
            )}
            {m.phone !== item.phone && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 13 }}>
                个人码为此人生成
              </Typography.Text>
            )}
          </Radio>
        ))}
        <Radio value={NEW_PERSON}>
          新登记的居民
          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 13 }}>
            按「{item.name}」新建
          </Typography.Text>
        </Radio>
      </Radio.Group>
    </Flex>
  );
}
