import { App, Col, Form, Input, Modal, Radio, Row, Select, TreeSelect, Typography } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import type { Category, PersonView, ReportDetail, UnitNode } from '../../api';
import { buildTree, UNIT_KIND_LABEL } from '../../core';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { useFailure } from '../../feedback';
import { searchBoundNote } from '../../people-search';
import { useUnits } from '../../units';

interface Values {
  channel: 'visit' | 'phone';
  unitId?: string;
  category?: string;
  description?: string;
  location?: string;
  contactName?: string;
  contactPhone?: string;
  residentId?: string;
  /** Kept with the draft: a retry after a lost session must not record the report twice. */
  clientRequestId: string;
}

const DRAFT = 'record';

function requestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** Records a report heard on a home visit or a phone call ("登记走访/来电"). */
export function RecordModal({ onClose, onCreated }: { onClose(): void; onCreated(r: ReportDetail): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const { units } = useUnits();
  const [busy, setBusy] = useState(false);
  const [categories, setCategories] = useState<Category[]>([]);
  const [people, setPeople] = useState<PersonView[]>([]);
  const [peopleNote, setPeopleNote] = useState<string | null>(null);
  const initial = useRef<Values>({ channel: 'visit', clientRequestId: requestId(), ...loadDraft<Values>(DRAFT) });
  const unitId = Form.useWatch('unitId', form);

  // Reports belong to a building, or a compound for its common areas.
  const treeData = useMemo(() => {
    const convert = (n: UnitNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.id,
      title: `${n.name}（${UNIT_KIND_LABEL[n.kind]}）`,
      selectable: n.kind === 'building' || n.kind === 'compound' || n.kind === 'grid',
      children: n.children.length ? n.children.map(convert) : undefined,
    });
    return buildTree(units ?? []).map(convert);
  }, [units]);

  useEffect(() => {
    if (!unitId) return;
    api.reports.categories({ unitId }).then((r) => setCategories(r.categories), fail);
  }, [unitId, fail]);

  async function searchPeople(q: string) {
    try {
      setPeople(await api.people.search({ q: q.trim() || undefined, limit: 20 }));
      setPeopleNote(null);
    } catch (e) {
      const bound = searchBoundNote(e);
      if (!bound) return fail(e);
      setPeople([]);
      setPeopleNote(bound);
    }
  }

  async function submit(v: Values) {
    setBusy(true);
    try {
      const { report, created } = await api.reports.create({
        clientRequestId: v.clientRequestId,
        channel: v.channel,
        unitId: v.unitId!,
        category: v.category!,
        description: v.description!.trim(),
        location: blank(v.location),
        contactName: blank(v.contactName),
        contactPhone: blank(v.contactPhone),
        residentId: v.residentId || undefined,
      });
      clearDraft(DRAFT);
      message.success(
        `${created ? '已登记' : '这件反映之前已登记过'}：${report.categoryName}，${report.handler ? `已派给${report.handler.name}（${report.handler.roleLabel}）` : `在${report.levelLabel}层级待分派`}`,
      );
      onCreated(report);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title="登记走访 / 来电" okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        把上门走访或电话中听到的问题登记下来，系统会按类别派给对应层级的负责人并开始计时。
      </Typography.Paragraph>
      <Form
        form={form}
        name="record"
        layout="vertical"
        initialValues={initial.current}
        onFinish={submit}
        onValuesChange={(changed, all) => {
          if ('unitId' in changed) form.setFieldValue('category', undefined);
          saveDraft(DRAFT, { ...all, clientRequestId: initial.current.clientRequestId });
        }}
        requiredMark="optional"
      >
        <Form.Item name="clientRequestId" hidden>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="channel" label="来源" rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'visit', label: '上门走访' },
                  { value: 'phone', label: '来电' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="unitId" label="所在楼栋 / 小区" rules={[{ required: true, message: '请选择反映所在的楼栋或小区' }]}>
              <TreeSelect treeData={treeData} showSearch treeNodeFilterProp="title" placeholder="选择楼栋（公共区域选小区）" treeDefaultExpandAll={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="category" label="反映类别" rules={[{ required: true, message: '请选择反映类别' }]}>
          <Select
            placeholder={unitId ? '请选择' : '请先选择楼栋或小区'}
            disabled={!unitId}
            showSearch={{ optionFilterProp: 'search' }}
            options={categories.map((c) => ({ value: c.code, search: c.name, label: `${c.icon} ${c.name}${c.urgent ? '（紧急）' : ''}` }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[
            { required: true, whitespace: true, message: '请填写问题描述' },
            { min: 5, message: '请多写几个字，至少 5 个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="居民反映的情况，尽量写清楚时间、地点、涉及的人" />
        </Form.Item>
        <Form.Item name="location" label="具体位置">
          <Input maxLength={50} placeholder="例如：3单元 电梯口" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="contactName" label="联系人">
              <Input maxLength={20} placeholder="居民姓名" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label="联系电话">
              <Input maxLength={11} placeholder="11 位手机号" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="residentId" label="关联已登记居民" tooltip="居民已在系统中登记时选择，他/她可在小程序中跟进和评价">
              <Select
                allowClear
                showSearch={{ filterOption: false, onSearch: (q) => void searchPeople(q) }}
                onFocus={() => people.length === 0 && void searchPeople('')}
                placeholder="按姓名搜索"
                notFoundContent={peopleNote ?? undefined}
                options={people.map((p) => ({ value: p.id, label: `${p.name}${p.phone ? ` ${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` : ''}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
