/**
 * 申请使用: the community asks a partner for one of its resources — a project the partner's side then
 * accepts (or declines) in the mini-program. It may meet one of the community's open needs.
 */
import { Form, Input, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api';
import type { ProjectView, ResourceView } from '../../api';
import { useLoaded } from '../../loaded';
import { requestId } from './community';

interface Values {
  title: string;
  needId?: string | null;
}

interface Props {
  resource: ResourceView;
  communityId: string;
  onAsked(p: ProjectView): void;
  onFailed(e: unknown, form: FormInstance): void;
  onClose(): void;
}

export function AskModal({ resource, communityId, onAsked, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const clientRequestId = useRef(requestId());
  const { data: open } = useLoaded(() => api.partners.needs({ communityId, status: 'open', limit: 200 }), [communityId]);

  async function submit(v: Values) {
    setBusy(true);
    try {
      const asked = await api.partners.askResource({ clientRequestId: clientRequestId.current, resourceId: resource.id, communityId, title: v.title.trim(), needId: v.needId ?? null });
      onAsked(asked.project);
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`申请使用：${resource.partner.name}的「${resource.title}」`} okText="发出申请" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={560} destroyOnHidden>
      <Form form={form} name="ask" layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ title: resource.title }} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">
          {resource.kindLabel} · {resource.amount} · {resource.availability}
        </Typography.Paragraph>
        <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: 40, message: '项目名称最多 40 个字' }]}>
          <Input maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="needId" label="满足哪项需求（可不选）" extra="选中的需求随项目完成而标为已满足">
          <Select aria-label="满足哪项需求" allowClear placeholder="本社区待认领的需求" options={(open?.needs ?? []).map((n) => ({ value: n.id, label: `${n.title}（${n.trail}）` }))} />
        </Form.Item>
        <Typography.Text type="secondary">发出后，由{resource.partner.name}的联络人在小程序里确认接受，项目开始。</Typography.Text>
      </Form>
    </Modal>
  );
}
