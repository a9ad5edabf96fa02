/**
 * Entering a compound's first 公约, or correcting it without a topic (a typo, a clause the meeting
 * agreed but nobody wrote down): the whole text, edited from the current one, and a line saying what
 * changed. The version read goes with it, so someone else's change meanwhile is refused, not lost.
 */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api';
import type { CompoundRulesView } from '../../api';
import { useFailure } from '../../feedback';

interface Values {
  text: string;
  note: string;
}

export function RulesModal({ rules, onClose, onSaved }: { rules: CompoundRulesView; onClose(): void; onSaved(r: CompoundRulesView): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const first = rules.current === null;

  async function submit(v: Values) {
    setBusy(true);
    try {
      const saved = await api.deliberation.adoptRules({ compoundId: rules.compound.id, text: v.text.trim(), note: v.note.trim(), expectedVersion: rules.current?.version ?? 0 });
      message.success(`已保存${saved.compound.name}的公约第 ${saved.current?.version ?? ''} 版`);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULES.VERSION_MOVED') {
        // Another version was adopted meanwhile: the page reloads it; what was typed here would overwrite it.
        message.error(`${e.message}（已为您载入最新的公约，请在它的基础上修改）`);
        onClose();
        return;
      }
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={first ? `录入${rules.compound.name}的公约` : `更正${rules.compound.name}的公约`} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={760} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ margin: '8px 0 16px' }}
        title={first ? '录入小区现行的管理公约，作为第 1 版。以后经议事决定的修改，在议题的“记录决定”里提交。' : `在第 ${rules.current!.version} 版的基础上更正，保存为新的一版；经议事决定的修改请在议题的“记录决定”里提交。`}
      />
      <Form name="rules" form={form} layout="vertical" onFinish={submit} initialValues={{ text: rules.current?.text ?? '', note: first ? '录入现行公约' : '' }} requiredMark={false}>
        <Form.Item name="text" label="公约全文" rules={[{ required: true, whitespace: true, message: '请填写公约全文' }, { max: 20000, message: '公约最多 20000 个字' }]}>
          <Input.TextArea rows={14} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ required: true, whitespace: true, message: '请用一句话说明这一版改了什么' }, { max: 100, message: '说明最多 100 个字' }]}>
          <Input maxLength={100} placeholder="如：更正第五条错别字" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
