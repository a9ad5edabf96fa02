/**
 * 户类别: the community's list of kinds of households (独居老人, 低保, 残疾, 高龄, …) that pairings
 * choose from, edited by community staff. Saved with the version it was read at: when a colleague
 * saved first, nothing of this edit is written, the dialog says so plainly and shows their list.
 */
import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { HouseholdKindsView } from '../../api';
import { HOUSEHOLD_KINDS_MAX, KIND_MAX } from '../../../../src/core/pairings';

interface Props {
  view: HouseholdKindsView;
  onSaved(v: HouseholdKindsView): void;
  onFailed(e: unknown): void;
  onClose(): void;
}

export function KindsEditor({ view, onSaved, onFailed, onClose }: Props) {
  const [read, setRead] = useState(view);
  const [kinds, setKinds] = useState<string[]>(view.kinds);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function change(next: string[]) {
    const kept = next.map((k) => k.trim()).filter((k, i, a) => k && a.indexOf(k) === i);
    const long = kept.find((k) => k.length > KIND_MAX);
    setProblem(long ? `“${long}”太长了：每个户类别最多 ${KIND_MAX} 个字` : kept.length > HOUSEHOLD_KINDS_MAX ? `户类别最多 ${HOUSEHOLD_KINDS_MAX} 个` : null);
    setKinds(kept);
  }

  async function save() {
    if (kinds.length === 0) return setProblem('至少保留一个户类别');
    if (problem) return;
    setBusy(true);
    try {
      onSaved(await api.pairings.saveKinds({ communityId: read.community.id, version: read.version, kinds }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT.VERSION') {
        // Someone saved first: show what is kept now, and let the person make their change again on it.
        const latest = await api.pairings.kinds({ unitId: read.community.id }).catch(() => null);
        setStale(`就在刚才，别人修改并保存了户类别，您这次的修改没有保存。下面已换成现在保存的户类别，请在此基础上重新修改后再保存。`);
        if (latest) {
          setRead(latest);
          setKinds(latest.kinds);
        }
      } else onFailed(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`${read.community.name}的户类别`} okText="保存" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: !!problem }} onOk={() => void save()} onCancel={onClose} width={600} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        结对时从这些类别中选择。类别会显示给党支部书记、社区工作人员和结对的党员本人，其他人看不到。
        {read.isDefault && '现在用的是系统默认的类别。'}
      </Typography.Paragraph>
      {stale && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={stale} data-testid="kinds-stale" />}
      <Form layout="vertical" name="kinds">
        <Form.Item label="户类别（输入后按回车添加，点 × 删除）" validateStatus={problem ? 'error' : undefined} help={problem ?? `最多 ${HOUSEHOLD_KINDS_MAX} 个，每个最多 ${KIND_MAX} 个字`}>
          <Select mode="tags" aria-label="户类别" value={kinds} onChange={change} open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} placeholder="如：独居老人" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">已结对住户原有的类别不会因这里的修改而改变。</Typography.Text>
    </Modal>
  );
}
