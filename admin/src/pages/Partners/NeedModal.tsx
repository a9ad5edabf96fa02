/**
 * 发布需求: what the community needs (场地, 专家, 志愿者, 资金, 设备物资…), for the community, a compound or a
 * building, typed here or carried over from a report, a topic or a partner's visit (its number). Posted
 * needs are open for the partners of the community to claim. A need from a visit comes with the visit
 * filled in (走访记录's 转为需求).
 */
import { Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import type { FormInstance, TreeSelectProps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { RESOURCE_KINDS, RESOURCE_KIND_LABEL } from '../../../../src/core/partners';
import type { ResourceKind } from '../../../../src/core/partners';
import { api } from '../../api';
import type { NeedView, Unit, UnitNode } from '../../api';
import { buildTree, UNIT_KIND_LABEL } from '../../core';
import { useUnits } from '../../units';
import { requestId } from './community';

type SourceKind = 'typed' | 'report' | 'topic' | 'visit';

interface Values {
  unitId: string;
  kind: ResourceKind;
  title: string;
  description: string;
  sourceKind: SourceKind;
  sourceId?: string;
}

const NEED_UNIT_KINDS: readonly string[] = ['community', 'compound', 'building'];
const SOURCE_ID_LABEL: Record<Exclude<SourceKind, 'typed'>, string> = { report: '民情反映编号', topic: '议题编号', visit: '走访记录编号' };

/** The community and what lies under it, as the unit picker shows them (grids only for the shape). */
export function useCommunityUnits(communityId: string): { treeData: TreeSelectProps['treeData']; units: Unit[] | null } {
  const { units, byId } = useUnits();
  const treeData = useMemo(() => {
    const community = byId.get(communityId);
    if (!community) return [];
    const convert = (n: UnitNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.id,
      title: `${n.name}（${UNIT_KIND_LABEL[n.kind]}）`,
      disabled: !NEED_UNIT_KINDS.includes(n.kind),
      children: n.children.length ? n.children.map(convert) : undefined,
    });
    return buildTree((units ?? []).filter((u) => !u.archived && u.path.startsWith(community.path))).map(convert);
  }, [units, byId, communityId]);
  return { treeData, units };
}

interface Props {
  communityId: string;
  /** A need from a partner's visit: its id and what was raised. */
  fromVisit?: { id: string; raised: string; partnerName: string } | null;
  onPosted(n: NeedView): void;
  onFailed(e: unknown, form: FormInstance): void;
  onClose(): void;
}

export function NeedModal({ communityId, fromVisit, onPosted, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const clientRequestId = useRef(requestId());
  const { treeData } = useCommunityUnits(communityId);
  const sourceKind = Form.useWatch('sourceKind', form) ?? (fromVisit ? 'visit' : 'typed');

  async function submit(v: Values) {
    setBusy(true);
    try {
      const posted = await api.partners.postNeed({
        clientRequestId: clientRequestId.current,
        unitId: v.unitId,
        kind: v.kind,
        title: v.title.trim(),
        description: v.description.trim(),
        ...(v.sourceKind !== 'typed' && v.sourceId ? { source: { kind: v.sourceKind, id: v.sourceId.trim() } } : {}),
      });
      onPosted(posted.need);
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = (message: string) => ({ required: true, whitespace: true, message });
  return (
    <Modal open title={fromVisit ? `发布需求：来自${fromVisit.partnerName}的走访` : '发布需求'} okText="发布" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={600} destroyOnHidden>
      <Form
        form={form}
        name="need"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ unitId: communityId, sourceKind: fromVisit ? 'visit' : 'typed', sourceId: fromVisit?.id, description: fromVisit?.raised }}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="title" label="需求名称" rules={[required('请填写需求名称'), { max: 40, message: '需求名称最多 40 个字' }]}>
          <Input placeholder="如：老年活动室的桌椅需要更换" maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="kind" label="需求类型" rules={[{ required: true, message: '请选择需求类型' }]}>
          <Select aria-label="需求类型" placeholder="需要哪一类资源" options={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABEL[k] }))} />
        </Form.Item>
        <Form.Item name="unitId" label="为哪里" rules={[{ required: true, message: '请选择社区、小区或楼栋' }]}>
          <TreeSelect aria-label="为哪里" treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="description" label="需求说明" rules={[required('请填写需求说明'), { max: 500, message: '需求说明最多 500 个字' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="需要什么、多少、什么时候，怎么联系" />
        </Form.Item>
        <Form.Item name="sourceKind" label="来源">
          <Radio.Group
            disabled={!!fromVisit}
            options={[
              { value: 'typed', label: '社区录入' },
              { value: 'report', label: '来自民情反映' },
              { value: 'topic', label: '来自议事' },
              { value: 'visit', label: '来自走访' },
            ]}
          />
        </Form.Item>
        {sourceKind !== 'typed' && (
          <Form.Item name="sourceId" label={SOURCE_ID_LABEL[sourceKind]} rules={[required(`请填写${SOURCE_ID_LABEL[sourceKind]}`)]}>
            <Input disabled={!!fromVisit} placeholder="在详情页的地址或编号里可以找到" maxLength={64} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
