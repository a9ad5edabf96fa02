/** A pairing's 户类别, changed by the branch secretary or community staff (from the community's list). */
import { Form, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { PairingView } from '../../api';

interface Values {
  kinds: string[];
}

interface Props {
  pairing: PairingView;
  /** The community's kinds now. */
  kinds: string[];
  onSaved(p: PairingView): void;
  onFailed(e: unknown, form: FormInstance<Values>): void;
  onClose(): void;
}

export function SetKindsModal({ pairing, kinds, onSaved, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // A kind the community has since dropped still shows, so the person sees what they take away.
  const options = [...new Set([...kinds, ...(pairing.kinds ?? [])])].map((k) => ({ value: k, label: kinds.includes(k) ? k : `${k}（已不在社区的类别中）` }));

  async function submit(v: Values) {
    setBusy(true);
    try {
      onSaved(await api.pairings.setKinds({ id: pairing.id, version: pairing.version, kinds: v.kinds ?? [] }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title="设置户类别" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {pairing.household.trail} {pairing.household.doorLabel} · 结对党员 {pairing.member.name}
      </Typography.Paragraph>
      <Form<Values> form={form} name="setKinds" layout="vertical" onFinish={submit} initialValues={{ kinds: pairing.kinds ?? [] }}>
        <Form.Item name="kinds" label="户类别" extra="可多选；不选则表示没有特别的类别">
          <Select mode="multiple" allowClear options={options} placeholder="选择户类别" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
