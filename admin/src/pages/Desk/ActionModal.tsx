import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { ReportDetail } from '../../api';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { useFailure } from '../../feedback';

/** The report actions staff take from the drawer, each a small form. */
export type DrawerAction = 'respond' | 'comment' | 'describe' | 'requestInfo' | 'transfer' | 'escalate' | 'resolve' | 'reject' | 'decideExtension' | 'closeFollowUp';

interface Spec {
  title: string;
  ok: string;
  done: string;
  danger?: boolean;
  fields: ReactNode;
  intro?: (r: ReportDetail) => ReactNode;
  call(r: ReportDetail, v: Record<string, unknown>): Promise<ReportDetail>;
}

const note = (name: string, label: string, required: boolean, placeholder: string, rows = 4) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : undefined}>
    <Input.TextArea rows={rows} maxLength={500} showCount placeholder={placeholder} />
  </Form.Item>
);
const ref = (r: ReportDetail) => ({ id: r.id, version: r.version });
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const ACTIONS: Record<DrawerAction, Spec> = {
  respond: {
    title: '受理反映',
    ok: '受理',
    done: '已受理',
    fields: note('note', '受理说明', false, '选填，例如：已联系居民，明天上午上门查看'),
    call: (r, v) => api.reports.respond({ ...ref(r), note: str(v.note) }),
  },
  comment: {
    title: '添加备注',
    ok: '保存备注',
    done: '已添加备注',
    fields: note('note', '备注', true, '记录办理过程，例如：已电话联系物业'),
    call: (r, v) => api.reports.comment({ ...ref(r), note: String(v.note) }),
  },
  describe: {
    title: '写下语音内容',
    ok: '保存',
    done: '已写下语音内容',
    intro: (r) => (r.voice?.heard ? `上次写下的：${r.voice.heard}` : '听一遍居民的语音，把说的事写成文字：列表、台账和回音壁都用这段文字。'),
    fields: note('text', '语音里说了什么', true, '例如：3单元电梯停在5楼，按了没反应'),
    call: (r, v) => api.reports.describe({ ...ref(r), text: String(v.text) }),
  },
  requestInfo: {
    title: '请居民补充信息',
    ok: '发送',
    done: '已请居民补充信息',
    fields: note('question', '需要补充的内容', true, '例如：请拍一张漏水位置的照片'),
    call: (r, v) => api.reports.requestInfo({ ...ref(r), question: String(v.question) }),
  },
  transfer: {
    title: '转办部门',
    ok: '转办',
    done: '已转办',
    fields: (
      <>
        <Form.Item name="department" label="转办部门" rules={[{ required: true, whitespace: true, message: '请填写转办部门' }]}>
          <Input maxLength={30} placeholder="例如：派出所、城管中队、供电所" />
        </Form.Item>
        {note('note', '说明', false, '选填')}
      </>
    ),
    call: (r, v) => api.reports.transfer({ ...ref(r), department: String(v.department), note: str(v.note) }),
  },
  escalate: {
    title: '上报上一级',
    ok: '上报',
    done: '已上报',
    danger: true,
    intro: () => '上报后由上一级接手办理，并重新计算办结时限。',
    fields: note('reason', '上报理由', true, '例如：涉及多个小区，需社区协调'),
    call: (r, v) => api.reports.escalate({ ...ref(r), reason: String(v.reason) }),
  },
  resolve: {
    title: '办结反映',
    ok: '办结',
    done: '已办结，等待居民评价',
    fields: note('note', '办理结果', true, '居民会看到这段话，例如：已更换楼道灯泡，经居民确认正常'),
    call: (r, v) => api.reports.resolve({ ...ref(r), note: String(v.note) }),
  },
  reject: {
    title: '不予受理',
    ok: '不予受理',
    done: '已标记为不予受理',
    danger: true,
    fields: (
      <>
        <Form.Item name="kind" label="原因类型" rules={[{ required: true, message: '请选择不受理的原因' }]} initialValue="notActionable">
          <Radio.Group
            options={[
              { value: 'notActionable', label: '不属于受理范围' },
              { value: 'duplicate', label: '重复反映' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'duplicate' && (
              <Form.Item name="duplicateOf" label="与哪件反映重复（编号）" rules={[{ required: true, whitespace: true, message: '请填写重复的反映编号' }]}>
                <Input placeholder="在反映列表或详情中复制编号" />
              </Form.Item>
            )
          }
        </Form.Item>
        {note('reason', '原因（居民会看到）', true, '请说明原因和可以去哪里办理')}
      </>
    ),
    call: (r, v) => api.reports.reject({ ...ref(r), kind: v.kind as 'duplicate' | 'notActionable', reason: String(v.reason), duplicateOf: str(v.duplicateOf) }),
  },
  decideExtension: {
    title: '审批延期申请',
    ok: '提交审批',
    done: '已审批延期申请',
    intro: (r) => (r.extension ? `申请延期 ${r.extension.days} 个工作日。理由：${r.extension.reason}` : null),
    fields: (
      <>
        <Form.Item name="approve" label="审批意见" rules={[{ required: true, message: '请选择同意或不同意' }]}>
          <Radio.Group
            options={[
              { value: true, label: '同意延期' },
              { value: false, label: '不同意' },
            ]}
          />
        </Form.Item>
        {note('note', '说明', false, '选填', 3)}
      </>
    ),
    call: (r, v) => api.reports.decideExtension({ ...ref(r), approve: v.approve === true, note: str(v.note) }),
  },
  closeFollowUp: {
    title: '完成回访',
    ok: '完成回访',
    done: '回访已完成',
    intro: () => '居民对办理结果不满意，请回访后记录情况。',
    fields: note('note', '回访情况', true, '例如：已上门回访，居民表示理解，后续由物业跟进'),
    call: (r, v) => api.reports.closeFollowUp({ ...ref(r), note: String(v.note) }),
  },
};

/** Failures that mean the report changed under the person's eyes. */
export const STALE_CODES: readonly string[] = ['CONFLICT.VERSION', 'REPORT.NOT_ALLOWED', 'REPORT.NO_EXTENSION', 'REPORT.NO_FOLLOW_UP', 'REPORT.EXTENSION_PENDING'];

interface Props {
  action: DrawerAction;
  report: ReportDetail;
  onDone(updated: ReportDetail, message: string): void;
  /** The report changed meanwhile: reload it. */
  onStale(): void;
  onClose(): void;
}

export function ActionModal({ action, report, onDone, onStale, onClose }: Props) {
  const spec = ACTIONS[action];
  const [form] = Form.useForm();
  const fail = useFailure();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const draftKey = `report.${report.id}.${action}`;

  async function submit(v: Record<string, unknown>) {
    setBusy(true);
    try {
      const updated = await spec.call(report, v);
      clearDraft(draftKey);
      onDone(updated, spec.done);
    } catch (e) {
      if (e instanceof ApiError && STALE_CODES.includes(e.code)) {
        message.warning(`${e.message}。已为您刷新这件反映，请确认后再操作，您填写的内容仍保留。`);
        onStale();
      } else {
        fail(e, form);
      }
    } finally {
      setBusy(false);
    }
  }

  const intro = spec.intro?.(report);
  return (
    <Modal
      open
      title={`${spec.title} · ${report.categoryName}`}
      okText={spec.ok}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      {intro && <Alert type="info" showIcon title={intro} style={{ margin: '12px 0' }} />}
      <Form
        form={form}
        name={`action-${action}`}
        layout="vertical"
        onFinish={submit}
        initialValues={loadDraft(draftKey)}
        onValuesChange={(_, all) => saveDraft(draftKey, all)}
        style={{ marginTop: 12 }}
      >
        {spec.fields}
      </Form>
    </Modal>
  );
}
