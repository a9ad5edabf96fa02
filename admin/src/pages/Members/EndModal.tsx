/**
 * 转出 / 撤回 a member: the day it took effect and a reason. The day is a China day whatever zone the
 * desk PC is in: the picker's date is read as a calendar date ('YYYY-MM-DD') and bounded by China's
 * today and the China day the check-in was approved (the server refuses anything else).
 */
import { Alert, DatePicker, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { dayKey } from '../../../../src/core/time';
import { api } from '../../api';
import type { CheckinView } from '../../api';

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
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const words = END_WORDS[event];
  // China's today and the China day of approval, as plain calendar dates.
  const today = dayKey(Date.now());
  const approvedOn = item.decidedAt !== null ? dayKey(item.decidedAt) : null;

  async function submit(v: Values) {
    setBusy(true);
    try {
      const input = { id: item.id, version: item.version, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() };
      onEnded(await (event === 'transferOut' ? api.members.transferOut(input) : api.members.withdraw(input)));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${words.verb}${item.name}`}
      okText={words.verb}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={580}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {item.trail} · {item.memberTypeLabel}党员 · {item.phone}
        {approvedOn && ` · ${approvedOn} 报到`}
      </Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${words.says}本人会收到通知。`} />
      <Form form={form} name={`${event}Checkin`} layout="vertical" onFinish={submit} initialValues={{ date: dayjs(today) }} requiredMark={false}>
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
        <Form.Item
          name="reason"
          label={`${words.verb}原因`}
          rules={[
            { required: true, whitespace: true, message: `请填写${words.verb}原因，本人会看到` },
            { max: 100, message: '原因最多 100 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={100} showCount placeholder={`如：${words.common[0]}`} />
        </Form.Item>
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">常用：</Typography.Text>
          {words.common.map((c) => (
            <Tag.CheckableTag key={c} checked={false} onChange={() => form.setFields([{ name: 'reason', value: c, errors: [] }])} style={{ border: '1px solid #d9d9d9' }}>
              {c}
            </Tag.CheckableTag>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
