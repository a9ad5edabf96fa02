/**
 * 新增 / 编辑共建单位: its name, kind and address, the contact (联络人: a name and phone for the list, and
 * the person in Jinlin — found with the people search — who then acts for it in the mini-program), the
 * communities it partners with, and the agreement (签约日期, 共建内容, 截止日期). Missing or malformed
 * fields are said beside them before anything is sent; the server's refusals land beside the field.
 */
import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { PARTNER_KINDS, PARTNER_KIND_LABEL } from '../../../../src/core/partners';
import type { PartnerKind } from '../../../../src/core/partners';
import { api } from '../../api';
import type { PartnerDetail, PartnerRow } from '../../api';
import { requestId } from './community';
import { dayOf, pickerDay } from './days';
import { PersonPicker } from './PersonPicker';

export interface PartnerValues {
  name: string;
  kind: PartnerKind;
  address: string;
  contactName: string;
  contactPhone: string;
  contactPersonId?: string | null;
  communityIds: string[];
  signedOn: Dayjs;
  terms: string;
  until?: Dayjs | null;
}

interface Props {
  /** null: a new partner, for `communityId`. */
  partner: PartnerRow | null;
  communityId: string;
  /** The communities the person manages (a partner may partner with several). */
  communities: { id: string; name: string }[];
  onSaved(p: PartnerDetail, created: boolean): void;
  onFailed(e: unknown, form: FormInstance): void;
  onClose(): void;
}

const initial = (p: PartnerRow | null, communityId: string): Partial<PartnerValues> =>
  p
    ? {
        name: p.name,
        kind: p.kind,
        address: p.address,
        contactName: p.contact.name,
        contactPhone: p.contact.phone,
        contactPersonId: p.contact.person?.id ?? null,
        communityIds: p.communities.map((c) => c.id),
        signedOn: pickerDay(p.agreement.signedOn),
        terms: p.agreement.terms,
        until: p.agreement.until ? pickerDay(p.agreement.until) : null,
      }
    : { communityIds: [communityId] };

export function PartnerForm({ partner, communityId, communities, onSaved, onFailed, onClose }: Props) {
  const [form] = Form.useForm<PartnerValues>();
  const [busy, setBusy] = useState(false);
  // One id for the form's life: a retried create after a lost answer is one partner.
  const clientRequestId = useRef(requestId());
  const options = [...communities, ...(partner?.communities ?? []).filter((c) => !communities.some((m) => m.id === c.id))].map((c) => ({ value: c.id, label: c.name }));

  async function submit(v: PartnerValues) {
    setBusy(true);
    try {
      const saved = await api.partners.savePartner({
        clientRequestId: clientRequestId.current,
        ...(partner ? { id: partner.id, version: partner.version } : {}),
        name: v.name.trim(),
        kind: v.kind,
        address: v.address.trim(),
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        contactPersonId: v.contactPersonId ?? null,
        communityIds: v.communityIds,
        signedOn: dayOf(v.signedOn),
        terms: v.terms.trim(),
        until: v.until ? dayOf(v.until) : null,
      });
      onSaved(saved.partner, saved.created);
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = (message: string) => ({ required: true, whitespace: true, message });
  return (
    <Modal
      open
      title={partner ? `编辑共建单位：${partner.name}` : '新增共建单位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} name="partner" layout="vertical" onFinish={submit} requiredMark={false} initialValues={initial(partner, communityId)} style={{ marginTop: 16 }}>
        <Form.Item name="name" label="单位名称" rules={[required('请填写单位名称'), { max: 60, message: '单位名称最多 60 个字' }]}>
          <Input placeholder="如：市第一人民医院" maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select aria-label="单位类型" placeholder="机关单位、企业、医院、学校或社会组织" options={PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_LABEL[k] }))} />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[required('请填写地址'), { max: 100, message: '地址最多 100 个字' }]}>
          <Input placeholder="如：解放路 18 号" maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPersonId" label="联络人（近邻里的人，可不选）" extra="选中后，这个人在小程序里代表本单位：认领需求、提供资源、登记走访">
          <PersonPicker
            aria-label="联络人"
            known={partner?.contact.person ?? null}
            onError={(e) => onFailed(e, form)}
            onPicked={(p) => {
              if (!p) return;
              // The list's name and phone follow the person picked, unless typed already.
              if (!form.getFieldValue('contactName')) form.setFieldValue('contactName', p.name);
              if (!form.getFieldValue('contactPhone') && p.phone) form.setFieldValue('contactPhone', p.phone);
            }}
          />
        </Form.Item>
        <Form.Item name="contactName" label="联络人姓名" rules={[required('请填写联络人姓名'), { max: 20, message: '姓名最多 20 个字' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联络人手机" rules={[required('请填写联络人手机号'), { pattern: /^\s*1[3-9]\d{9}\s*$/, message: '手机号应为 11 位数字' }]}>
          <Input inputMode="numeric" maxLength={11} placeholder="如：13900001234" />
        </Form.Item>
        <Form.Item name="communityIds" label="共建的社区" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个共建的社区' }]}>
          <Select mode="multiple" aria-label="共建的社区" options={options} />
        </Form.Item>
        <Form.Item name="signedOn" label="签约日期" rules={[{ required: true, message: '请选择签约日期' }]}>
          <DatePicker aria-label="签约日期" format="YYYY-MM-DD" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="terms" label="共建内容" rules={[required('请填写共建内容'), { max: 1000, message: '共建内容最多 1000 个字' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：每月一次义诊，开放活动室给老年大学" />
        </Form.Item>
        <Form.Item
          name="until"
          label="协议截止日期（可不填）"
          dependencies={['signedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null | undefined) =>
                !v || !getFieldValue('signedOn') || !v.isBefore(getFieldValue('signedOn'), 'day') ? Promise.resolve() : Promise.reject(new Error('截止日期不能早于签约日期')),
            }),
          ]}
        >
          <DatePicker aria-label="协议截止日期" format="YYYY-MM-DD" style={{ width: 200 }} />
        </Form.Item>
        <Typography.Text type="secondary">在职党员报到后，可以在单位详情里关联到本单位，按单位统计。</Typography.Text>
      </Form>
    </Modal>
  );
}
