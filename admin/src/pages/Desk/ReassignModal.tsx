import { Alert, App, Form, Input, List, Modal, Select, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { BulkResult, Outputs } from '../../api';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { useFailure } from '../../feedback';
import { useUnits } from '../../units';

export interface ReassignTarget {
  id: string;
  version: number;
  /** "🔊 噪音扰民 · 幸福里小区 1号楼" */
  label: string;
}

interface Props {
  reports: ReassignTarget[];
  /** The unit whose handlers are offered first (the report's level unit, or the desk's unit). */
  unitId: string;
  onDone(result: BulkResult): void;
  onClose(): void;
}

interface Values {
  unitId: string;
  handlerId: string;
  note?: string;
}

type Handler = Outputs['management']['handlers'][number];

/** Hands one or many reports to another person who may handle them ("转派"). */
export function ReassignModal({ reports, unitId, onDone, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const { treeData } = useUnits();
  const [busy, setBusy] = useState(false);
  const [handlers, setHandlers] = useState<Handler[] | null>(null);
  const [failures, setFailures] = useState<{ label: string; message: string }[]>([]);
  const chosenUnit = Form.useWatch('unitId', form) ?? unitId;
  const draftKey = `reassign.${reports.map((r) => r.id).join(',')}`;

  useEffect(() => {
    let live = true;
    setHandlers(null);
    api.management.handlers({ unitId: chosenUnit }).then(
      (h) => live && setHandlers(h),
      (e) => {
        fail(e);
        if (live) setHandlers([]);
      },
    );
    return () => {
      live = false;
    };
  }, [chosenUnit, fail]);

  async function submit(v: Values) {
    setBusy(true);
    setFailures([]);
    try {
      const result = await api.management.reassign({ reports: reports.map((r) => ({ id: r.id, version: r.version })), handlerId: v.handlerId, note: v.note?.trim() || undefined });
      clearDraft(draftKey);
      const failed = result.results.filter((r) => !r.ok);
      const name = handlers?.find((h) => h.person.id === v.handlerId)?.person.name ?? '';
      if (failed.length === 0) {
        message.success(reports.length === 1 ? `已转派给${name}` : `${reports.length} 件反映已全部转派给${name}`);
        onDone(result);
        return;
      }
      const label = new Map(reports.map((r) => [r.id, r.label]));
      setFailures(failed.map((f) => ({ label: label.get(f.id) ?? f.id, message: f.message ?? f.code ?? '转派失败' })));
      const okCount = result.results.length - failed.length;
      if (okCount > 0) message.warning(`${okCount} 件已转派给${name}，${failed.length} 件没有转派，原因见下方`);
      else message.error('没有转派成功，原因见下方');
      onDone(result);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={reports.length === 1 ? '转派反映' : `批量转派 ${reports.length} 件反映`}
      okText="转派"
      cancelText={failures.length ? '关闭' : '取消'}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {reports.length === 1 ? reports[0].label : `已选：${reports.slice(0, 3).map((r) => r.label).join('；')}${reports.length > 3 ? ` 等 ${reports.length} 件` : ''}`}
      </Typography.Paragraph>
      <Form
        form={form}
        name="reassign"
        layout="vertical"
        onFinish={submit}
        initialValues={{ unitId, ...loadDraft<Values>(draftKey) }}
        onValuesChange={(changed, all) => {
          if ('unitId' in changed) form.setFieldValue('handlerId', undefined);
          saveDraft(draftKey, all);
        }}
      >
        <Form.Item name="unitId" label="从哪个单位选人" extra="接手的人须在反映当前所在层级的单位担任处理角色">
          <TreeSelect treeData={treeData} showSearch treeNodeFilterProp="title" treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="handlerId" label="接手人" rules={[{ required: true, message: '请选择接手人' }]}>
          <Select
            loading={handlers === null}
            placeholder={handlers?.length === 0 ? '这个单位没有可以接手的人' : '请选择'}
            showSearch={{ optionFilterProp: 'search' }}
            options={(handlers ?? []).map((h) => ({
              value: h.person.id,
              search: `${h.person.name}${h.roleLabel}${h.unit.name}`,
              label: (
                <span>
                  {h.person.name} <Tag color="geekblue">{h.roleLabel}</Tag>
                  <Typography.Text type="secondary">{h.unit.name}</Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label="转派说明">
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填，接手人会看到" />
        </Form.Item>
      </Form>
      {failures.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="以下反映没有转派"
          description={<List size="small" dataSource={failures} renderItem={(f) => <List.Item>{`${f.label}：${f.message}`}</List.Item>} />}
        />
      )}
    </Modal>
  );
}
