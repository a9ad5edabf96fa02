/**
 * 转出 / 撤回 a member: the day it took effect and a reason. The day is a China day whatever zone the
 * desk PC is in: the picker's date is read as a calendar date ('YYYY-MM-DD') and bounded by China's
 * today and the China day the check-in was approved (the server refuses anything else).
 */
import { DatePicker, Form } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { dayKey } from '../../../../src/core/time';
import { api } from '../../api';
import type { CheckinView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';

export type EndEvent = 'transferOut' | 'withdraw';

/** How each ending reads. */
export const END_WORDS: Record<EndEvent, { verb: string; says: string; common: string[] }> = {
  transferOut: {
    verb: '转出',
    says: '组织关系转到别处（搬家、换工作）：办理后不再是本支部的党员，记录保留；回来时重新扫码报到。',
    common: ['搬离本小区，组织关系转至新住址所在社区', '工作调动，转至新单位党支部报到'],
  },
  withdraw: {
    verb: '撤回',
    says: '这次报到不该有（信息有误、重复报到）：撤回后不再是本支部的党员，记录保留。',
    common: ['重复报到，已在其他小区报到', '报到信息有误，经本人确认撤回'],
  },
};

interface Values {
  date: Dayjs;
  reason: string;
}

interface Props {
  item: CheckinView;
  event: EndEvent;
  onEnded(c: CheckinView): void;
  onFailed(e: unknown, form: FormInstance<Values>): void;
  onClose(): void;
}

export function EndModal({ item, event, onEnded, onFailed, onClose }: Props) {
  const words = END_WORDS[event];
  // China's today and the China day of approval, as plain calendar dates.
  const today = dayKey(Date.now());
  const approvedOn = item.decidedAt !== null ? dayKey(item.decidedAt) : null;

  async function submit(v: Values) {
    const input = { id: item.id, version: item.version, date: v.date.format('YYYY-MM-DD'), reason: v.reason };
    onEnded(await (event === 'transferOut' ? api.members.transferOut(input) : api.members.withdraw(input)));
  }

  return (
    <ReasonModal<Values>
      title={`${words.verb}${item.name}`}
      okText={words.verb}
      name={`${event}Checkin`}
      width={580}
      context={`${item.trail} · ${item.memberTypeLabel}党员 · ${item.phone}${approvedOn ? ` · ${approvedOn} 报到` : ''}`}
      notice={{ type: 'info', text: `${words.says}本人会收到通知。` }}
      label={`${words.verb}原因`}
      required={`请填写${words.verb}原因，本人会看到`}
      placeholder={`如：${words.common[0]}`}
      common={words.common}
      initialValues={{ date: dayjs(today) }}
      onSubmit={submit}
      onFailed={onFailed}
      onClose={onClose}
    >
      <Form.Item name="date" label={`${words.verb}日期`} rules={[{ required: true, message: `请选择${words.verb}日期` }]}>
        <DatePicker
          allowClear={false}
          style={{ width: 200 }}
          disabledDate={(d) => {
            const day = d.format('YYYY-MM-DD');
            return day > today || (approvedOn !== null && day < approvedOn);
          }}
        />
      </Form.Item>
    </ReasonModal>
  );
}
