/** Adds a speaker to the pool or edits one (name, title, field, affiliation, contact). */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { SpeakerView } from '../../api';
import { useFailure } from '../../feedback';

interface Values {
  name: string;
  title?: string;
  field?: string;
  affiliation?: string;
  contact?: string;
}

const orNull = (v?: string) => (v && v.trim() ? v.trim() : null);

export function SpeakerModal(props: { communityId: string; speaker: SpeakerView | null; onClose(): void; onSaved(s: SpeakerView): void }) {
  const { speaker } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    const fields = { name: v.name.trim(), title: orNull(v.title), field: orNull(v.field), affiliation: orNull(v.affiliation), contact: orNull(v.contact) };
    try {
      const saved = speaker
        ? await api.lectures.editSpeaker({ id: speaker.id, version: speaker.version, ...fields })
        : await api.lectures.createSpeaker({ communityId: props.communityId, ...fields });
      message.success(speaker ? `已保存${saved.name}的资料` : `已将${saved.name}加入讲师库`);
      props.onSaved(saved);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={speaker ? `编辑主讲人：${speaker.name}` : '添加主讲人'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={props.onClose} width={520} destroyOnHidden>
      <Form
        name="speaker"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        style={{ marginTop: 16 }}
        initialValues={speaker ? { name: speaker.name, title: speaker.title ?? '', field: speaker.field ?? '', affiliation: speaker.affiliation ?? '', contact: speaker.contact ?? '' } : undefined}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写主讲人姓名' }, { max: 20, message: '姓名最多 20 个字' }]}>
          <Input autoFocus placeholder="如：王建国" maxLength={20} />
        </Form.Item>
        <Form.Item name="title" label="职称" rules={[{ max: 30, message: '职称最多 30 个字' }]}>
          <Input placeholder="如：主任医师、教授、律师" maxLength={30} />
        </Form.Item>
        <Form.Item name="field" label="领域" rules={[{ max: 30, message: '领域最多 30 个字' }]}>
          <Input placeholder="如：老年健康、法律、防诈骗" maxLength={30} />
        </Form.Item>
        <Form.Item name="affiliation" label="工作单位" rules={[{ max: 40, message: '工作单位最多 40 个字' }]}>
          <Input placeholder="如：市第一人民医院" maxLength={40} />
        </Form.Item>
        <Form.Item name="contact" label="联系方式" extra="只有社区工作人员能看到，居民看不到" rules={[{ max: 40, message: '联系方式最多 40 个字' }]}>
          <Input placeholder="电话或微信号" maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
