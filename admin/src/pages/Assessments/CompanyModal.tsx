/**
 * 登记 / 编辑物业公司: its name, a phone for the notice board, and the compounds it serves — one company
 * a compound, so a compound another company serves is offered greyed with that company's name. Missing
 * or malformed fields are said beside them before anything is sent; the server's refusals (a name
 * taken, a compound taken meanwhile) land beside the field they concern.
 */
import { Form, Input, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { CompaniesView, PropertyCompanyView } from '../../api';
import { COMPANY_NAME_MAX } from '../../../../src/core/property';

interface Values {
  name: string;
  contactPhone?: string;
  compoundIds: string[];
}

interface Props {
  view: CompaniesView;
  /** null: a new company. */
  company: PropertyCompanyView | null;
  onSaved(c: PropertyCompanyView, created: boolean): void;
  onFailed(e: unknown, form: FormInstance): void;
  onClose(): void;
}

export function CompanyModal({ view, company, onSaved, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const names = new Map(view.companies.map((c) => [c.id, c.name]));

  async function submit(v: Values) {
    setBusy(true);
    try {
      const saved = await api.assessments.saveCompany({
        ...(company ? { id: company.id, version: company.version } : {}),
        communityId: view.community.id,
        name: v.name.trim(),
        contactPhone: v.contactPhone?.trim() ? v.contactPhone.trim() : null,
        compoundIds: v.compoundIds,
      });
      onSaved(saved, !company);
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const options = view.compounds.map((u) => {
    const other = u.companyId && u.companyId !== company?.id ? names.get(u.companyId) : undefined;
    return { value: u.id, label: other ? `${u.name}（由${other}服务）` : u.name, disabled: !!other };
  });

  return (
    <Modal
      open
      title={company ? `编辑物业公司：${company.name}` : '登记物业公司'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Form
        form={form}
        name="company"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={company ? { name: company.name, contactPhone: company.contactPhone ?? '', compoundIds: company.compounds.map((u) => u.id) } : { compoundIds: [] }}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label="公司名称"
          rules={[
            { required: true, whitespace: true, message: '请填写物业公司名称' },
            { max: COMPANY_NAME_MAX, message: `名称最多 ${COMPANY_NAME_MAX} 个字` },
          ]}
        >
          <Input placeholder="如：幸福里物业服务有限公司" maxLength={COMPANY_NAME_MAX} showCount />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话（手机，可不填）" extra="印在测评公示上，方便居民联系" rules={[{ pattern: /^\s*(1[3-9]\d{9})?\s*$/, message: '手机号应为 11 位数字' }]}>
          <Input placeholder="如：13900004001" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="compoundIds" label="服务的小区" rules={[{ required: true, type: 'array', min: 1, message: '请选择它服务的小区' }]}>
          <Select mode="multiple" aria-label="服务的小区" options={options} placeholder="选择本社区的小区" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Typography.Text type="secondary">一个小区同一时间只由一家物业公司服务。换物业时，先在原来的公司里去掉这个小区（或停用原来的公司），再在新公司里选上。</Typography.Text>
      </Form>
    </Modal>
  );
}
