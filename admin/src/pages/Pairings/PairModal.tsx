/**
 * 结对: a member of a compound's branch paired with a household of that compound — a building and a
 * door (单元, 楼层, 门牌) — with the household's kinds when the person may write them, and whom to ask
 * for at the door. The buildings offered are those under the member's check-in unit, so a pairing
 * the server would refuse (PAIRING.NOT_MEMBER_HERE) is not offered; what it still refuses (the same
 * household twice) stays in the dialog, beside the field it names.
 */
import { Alert, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { PairingView, Unit } from '../../api';
import type { PairableMember } from './members';

interface Values {
  memberId: string;
  buildingId: string;
  door: { entrance?: string; floor?: number | null; room: string };
  kinds?: string[];
  contactName?: string;
  contactPhone?: string;
}

interface Props {
  members: PairableMember[] | null;
  /** Live buildings under the page's unit. */
  buildings: Unit[];
  /** Unit names by id, for a building's compound and grid. */
  byId: Map<string, Unit>;
  /** The community's kinds, offered when the person may write them on the chosen building. */
  kinds: string[];
  writesKinds(building: Pick<Unit, 'path'>): boolean;
  mayPair(building: Pick<Unit, 'path'>): boolean;
  onPaired(p: PairingView, created: boolean): void;
  onFailed(e: unknown, form: FormInstance<Values>): void;
  onClose(): void;
}

/** "和平新村 · 第1网格 · 1号楼": the units between the community and the building. */
function buildingLabel(b: Unit, byId: Map<string, Unit>): string {
  const above = b.path
    .split('/')
    .filter(Boolean)
    .map((id) => byId.get(id))
    .filter((u): u is Unit => !!u && (u.kind === 'compound' || u.kind === 'grid'));
  return [...above.map((u) => u.name), b.name].join(' · ');
}

export function PairModal({ members, buildings, byId, kinds, writesKinds, mayPair, onPaired, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const memberId = Form.useWatch('memberId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const member = members?.find((m) => m.personId === memberId);
  const building = buildings.find((b) => b.id === buildingId);

  // The member's compound's buildings (or their grid's), those the person may pair in, by name.
  const offered = useMemo(
    () =>
      buildings
        .filter((b) => mayPair(b) && (!member || b.path.startsWith(member.unit.path)))
        .map((b) => ({ value: b.id, label: buildingLabel(b, byId) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true })),
    [buildings, byId, member, mayPair],
  );
  const kindsAllowed = building ? writesKinds(building) : false;

  async function submit(v: Values) {
    setBusy(true);
    try {
      const r = await api.pairings.pair({
        memberId: v.memberId,
        buildingId: v.buildingId,
        door: { entrance: v.door.entrance?.trim() ?? '', floor: v.door.floor ?? null, room: v.door.room },
        ...(kindsAllowed && v.kinds?.length ? { kinds: v.kinds } : {}),
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
      });
      onPaired(r.pairing, r.created);
    } catch (e) {
      // A refusal about the household (paired with this member already) shows under the door's three parts.
      if (e instanceof ApiError && e.field === 'door') form.setFields([{ name: ['door', 'room'], errors: [e.message] }]);
      else onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title="党员联户结对" okText="结对" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={620} destroyOnHidden>
      <Alert type="info" showIcon style={{ margin: '8px 0 16px' }} title="只能由本小区已报到的党员结对本小区的住户；同一位党员和同一户只结对一次。" />
      <Form<Values> form={form} name="pair" layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ door: { entrance: '', floor: null, room: '' } }}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择结对的党员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={members === null}
            placeholder="从花名册中选择（可输入姓名查找）"
            options={(members ?? []).map((m) => ({ value: m.personId, label: m.label }))}
            notFoundContent={members === null ? '正在读取花名册…' : '花名册里没有本小区已报到的党员'}
            onChange={() => form.setFieldValue('buildingId', undefined)}
          />
        </Form.Item>
        <Form.Item name="buildingId" label="住户所在楼栋" rules={[{ required: true, message: '请选择住户所在的楼栋' }]} extra={member ? `${member.name}在${member.unit.name}报到，只列出那里的楼栋` : undefined}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={member ? '选择楼栋' : '先选党员'} disabled={!member} options={offered} notFoundContent="没有可以结对的楼栋" />
        </Form.Item>
        <Form.Item label="门牌" required>
          <Space.Compact block>
            <Form.Item name={['door', 'entrance']} noStyle rules={[{ max: 10, message: '单元最多 10 个字' }]}>
              <Input suffix="单元" placeholder="如 2（只有一个单元可不填）" style={{ width: '38%' }} aria-label="单元" />
            </Form.Item>
            <Form.Item name={['door', 'floor']} noStyle>
              <InputNumber suffix="层" min={-5} max={200} precision={0} placeholder="楼层" style={{ width: '24%' }} aria-label="楼层" />
            </Form.Item>
            <Form.Item name={['door', 'room']} noStyle rules={[{ required: true, whitespace: true, message: '请填写门牌号' }, { max: 20, message: '门牌号最多 20 个字' }]}>
              <Input suffix="室" placeholder="门牌号，如 502" style={{ width: '38%' }} aria-label="门牌号" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        {kindsAllowed && (
          <Form.Item name="kinds" label="户类别" extra="只有党支部书记、社区工作人员和结对的党员本人看得到">
            <Select mode="multiple" allowClear placeholder="可多选，也可以以后再补" options={kinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        )}
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item name="contactName" label="联系人（可不填）" rules={[{ max: 20, message: '姓名最多 20 个字' }]}>
            <Input placeholder="户主或被照顾的人" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话（可不填）" rules={[{ pattern: /^1\d{10}$/, message: '请填写 11 位手机号' }]}>
            <Input placeholder="11 位手机号" style={{ width: 240 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
