/**
 * 结项: the community closes an active project with what came of it (项目成效) and photos; its need is
 * then met and it counts as done in the year's figures. Both sides are told.
 */
import { Form, Input, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { ProjectView } from '../../api';
import { PhotosField } from '../../photos-field';
import { PROJECT_PHOTOS_MAX } from '../../../../src/core/partners';

interface Values {
  result: string;
  photos: string[];
}

interface Props {
  project: ProjectView;
  onClosed(p: ProjectView): void;
  onFailed(e: unknown, form?: FormInstance): void;
  onClose(): void;
}

export function CloseModal({ project, onClosed, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const open = project.milestones.filter((m) => !m.doneAt).length;

  async function submit(v: Values) {
    setBusy(true);
    try {
      onClosed(await api.partners.close({ id: project.id, version: project.version, result: v.result.trim(), photos: v.photos ?? [] }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`结项：${project.title}`} okText="结项" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={600} destroyOnHidden>
      <Form form={form} name="close" layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ photos: [] }} style={{ marginTop: 16 }}>
        {open > 0 && (
          <Typography.Paragraph type="warning">还有 {open} 个节点没有完成；结项后节点不能再改。</Typography.Paragraph>
        )}
        <Form.Item name="result" label="项目成效" rules={[{ required: true, whitespace: true, message: '请填写项目成效' }, { max: 1000, message: '项目成效最多 1000 个字' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="做了什么、惠及多少人、居民怎么说" />
        </Form.Item>
        <Form.Item name="photos" label="成效照片（可不传）">
          <PhotosField max={PROJECT_PHOTOS_MAX} noun="成效照片" hint="活动现场、完成后的样子" testId="result-photos" onFailed={(e) => onFailed(e)} />
        </Form.Item>
        <Typography.Text type="secondary">结项后{project.need ? `需求「${project.need.title}」标为已满足，` : ''}项目计入年度统计，双方都会收到通知。</Typography.Text>
      </Form>
    </Modal>
  );
}
