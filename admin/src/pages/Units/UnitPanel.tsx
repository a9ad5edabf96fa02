import { UploadOutlined } from '@ant-design/icons';
import { invalidateUnits } from '../../units';
import { ImportDrawer } from './ImportDrawer';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import type { Unit, UnitKind, UnitNode } from '../../api';
import { ALLOWED_PARENTS, ancestorIds, buildTree, can, isWithin, UNIT_KIND_LABEL, UNIT_KINDS } from '../../core';
import { scopedBindings, useSession } from '../../session';
import { Bindings } from './Bindings';
import type { UnitsContext } from './UnitsContext';
import { KindTag } from './KindTag';

interface Props {
  unit: Unit;
  ctx: UnitsContext;
}

/** Same limits as the server's unitName schema, so most mistakes are caught before sending. */
const NAME_RULES = [
  { required: true, whitespace: true, message: '请填写单位名称' },
  { max: 40, message: '单位名称最多 40 个字' },
];

const NAME_EXAMPLE: Record<UnitKind, string> = {
  street: '如：幸福街道',
  community: '如：阳光社区',
  compound: '如：幸福里小区',
  grid: '如：第一网格',
  building: '如：5号楼',
};

export function UnitPanel({ unit, ctx }: Props) {
  const { me } = useSession();
  const mine = scopedBindings(me);
  const canEdit = !unit.archived && can(mine, 'unit.manage', unit);
  // Nobody moves or archives the unit their own authority stands on (the server refuses too).
  const canRestructure = canEdit && unit.kind !== 'street' && can(mine, 'unit.manage', unit, { strictlyBelow: true });
  const trail = ancestorIds(unit.path)
    .map((id) => ctx.byId.get(id)?.name)
    .filter(Boolean)
    .join(' / ');
  const parent = unit.parentId ? ctx.byId.get(unit.parentId) : undefined;
  const children = ctx.units.filter((u) => u.parentId === unit.id);
  const liveChildren = children.filter((u) => !u.archived);
  const [importing, setImporting] = useState(false);

  return (
    <Flex vertical gap={16}>
      {importing && (
        <ImportDrawer
          unit={unit}
          onClose={() => setImporting(false)}
          onImported={() => {
            invalidateUnits();
            void ctx.reload(unit.id);
          }}
        />
      )}
      <Card
        extra={
          canEdit && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              批量导入单位或居民
            </Button>
          )
        }
        title={
          <Flex align="center" wrap>
            <span data-testid="unit-title">{unit.name}</span>
            <KindTag kind={unit.kind} muted={unit.archived} />
            {unit.archived && <Tag>已归档</Tag>}
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          所在位置：{trail}
          {children.length > 0 && `　·　下级单位 ${liveChildren.length} 个`}
        </Typography.Paragraph>
        {unit.archived ? (
          <Alert type="info" showIcon title="这个单位已归档，只能查看，不能再修改。" />
        ) : canEdit ? (
          <RenameForm key={unit.version} unit={unit} ctx={ctx} />
        ) : (
          <Typography.Text type="secondary">这个单位不在您的管理范围内，只能查看。</Typography.Text>
        )}
      </Card>

      {canEdit && UNIT_KINDS.some((k) => ALLOWED_PARENTS[k].includes(unit.kind)) && <AddChildCard unit={unit} ctx={ctx} />}

      <Bindings unit={unit} onError={ctx.failed} />

      {canRestructure && (
        <Card title="调整上级与归档">
          <Flex vertical gap={24}>
            <MoveForm key={unit.version} unit={unit} parent={parent} ctx={ctx} />
            <ArchiveRow unit={unit} parent={parent} liveChildren={liveChildren.length} ctx={ctx} />
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function RenameForm({ unit, ctx }: Props) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const name = Form.useWatch('name', form);
  const unchanged = (name ?? unit.name).trim() === unit.name;

  return (
    <Form
      name="rename"
      form={form}
      layout="inline"
      initialValues={{ name: unit.name }}
      onFinish={async ({ name }) => {
        setBusy(true);
        try {
          const renamed = await api.units.rename({ id: unit.id, name: name.trim(), version: unit.version });
          message.success(`已改名为「${renamed.name}」`);
          await ctx.reload(unit.id);
        } catch (e) {
          ctx.failed(e, form);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item name="name" label="单位名称" rules={NAME_RULES}>
        <Input style={{ width: 280 }} maxLength={60} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={unchanged}>
          保存名称
        </Button>
      </Form.Item>
    </Form>
  );
}

function AddChildCard({ unit, ctx }: Props) {
  const kinds = UNIT_KINDS.filter((k) => ALLOWED_PARENTS[k].includes(unit.kind));
  const [form] = Form.useForm<{ kind: UnitKind; name: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? defaultChildKind(kinds);

  return (
    <Card title="添加下级单位">
      <Form
        name="addChild"
        form={form}
        layout="inline"
        initialValues={{ kind: defaultChildKind(kinds) }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const created = await api.units.create({ parentId: unit.id, kind: v.kind, name: v.name.trim() });
            message.success(`已在「${unit.name}」下添加${UNIT_KIND_LABEL[created.kind]}「${created.name}」`);
            form.resetFields(['name']);
            // Stay on the parent so several buildings can be added in a row; the tree opens to show the new one.
            await ctx.reload(unit.id, created.id);
          } catch (e) {
            ctx.failed(e, form);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select style={{ width: 100 }} options={kinds.map((k) => ({ value: k, label: UNIT_KIND_LABEL[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={NAME_RULES}>
          <Input style={{ width: 240 }} placeholder={NAME_EXAMPLE[kind]} maxLength={60} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            添加
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Buildings are what staff add most; a grid is the optional level in between. */
function defaultChildKind(kinds: readonly UnitKind[]): UnitKind {
  return kinds.includes('building') ? 'building' : kinds[0];
}

type ParentOption = NonNullable<TreeSelectProps['treeData']>[number];

function MoveForm({ unit, parent, ctx }: Props & { parent?: Unit }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  // Candidates: live units of a kind that may hold this one, outside its own subtree. Other units
  // stay in the list, disabled, so the person sees where each candidate sits.
  const { options, count } = useMemo(() => {
    let n = 0;
    const eligible = (u: Unit) =>
      !u.archived && ALLOWED_PARENTS[unit.kind].includes(u.kind) && !isWithin(u, unit) && u.id !== unit.parentId;
    const convert = (node: UnitNode): ParentOption | null => {
      if (isWithin(node, unit)) return null;
      const kids = node.children.map(convert).filter((c): c is ParentOption => c !== null);
      const ok = eligible(node);
      if (!ok && kids.length === 0) return null;
      if (ok) n++;
      const suffix = node.id === unit.parentId ? '，当前所在' : '';
      return {
        value: node.id,
        title: `${node.name}（${UNIT_KIND_LABEL[node.kind]}${suffix}）`,
        disabled: !ok,
        children: kids.length ? kids : undefined,
      };
    };
    const roots = buildTree(ctx.units.filter((u) => !u.archived))
      .map(convert)
      .filter((c): c is ParentOption => c !== null);
    return { options: roots, count: n };
  }, [ctx.units, unit]);

  const allowed = ALLOWED_PARENTS[unit.kind].map((k) => UNIT_KIND_LABEL[k]).join('或');

  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        移动到其他上级
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        现在的上级：{parent ? parent.name : '—'}。{UNIT_KIND_LABEL[unit.kind]}只能放在{allowed}下面，下级单位和人员会一起移过去。
      </Typography.Paragraph>
      {count === 0 ? (
        <Typography.Text type="secondary">您管理的范围内没有其他可以移动到的{allowed}。</Typography.Text>
      ) : (
        <Form
          name="move"
          form={form}
          layout="inline"
          onFinish={async ({ parentId }) => {
            setBusy(true);
            try {
              const moved = await api.units.move({ id: unit.id, parentId, version: unit.version });
              message.success(`已把「${moved.name}」移到「${ctx.byId.get(parentId)?.name ?? '新的上级'}」下`);
              await ctx.reload(unit.id);
            } catch (e) {
              ctx.failed(e, form);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="parentId" label="新的上级" rules={[{ required: true, message: '请选择新的上级单位' }]}>
            <TreeSelect
              style={{ width: 320 }}
              treeData={options}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={`选择${allowed}`}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={busy}>
              移动
            </Button>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}

function ArchiveRow({ unit, parent, liveChildren, ctx }: Props & { parent?: Unit; liveChildren: number }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const blocked = liveChildren > 0;

  const button = (
    <Button danger loading={busy} disabled={blocked}>
      归档此{UNIT_KIND_LABEL[unit.kind]}
    </Button>
  );

  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        归档
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        不再使用的单位（如已拆除的楼栋）可以归档：它会从列表中隐藏，历史记录都会保留。
        {blocked && `这个单位下面还有 ${liveChildren} 个下级单位，要先把它们归档或移走。`}
      </Typography.Paragraph>
      {blocked ? (
        <Tooltip title="请先归档或移走下级单位">{button}</Tooltip>
      ) : (
        <Popconfirm
          title={`确定归档「${unit.name}」吗？`}
          description="归档后不能再修改，也不能再绑定人员。"
          okText="归档"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={async () => {
            setBusy(true);
            try {
              const archived = await api.units.archive({ id: unit.id, version: unit.version });
              message.success(`已归档「${archived.name}」`);
              await ctx.reload(parent?.id);
            } catch (e) {
              ctx.failed(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Space>{button}</Space>
        </Popconfirm>
      )}
    </div>
  );
}
