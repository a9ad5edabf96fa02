import { App, Button, Card, Flex, Form, Popconfirm, Select, Spin, Table, Tag, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import type { BindingView, PersonView, Role, Unit } from '../../api';
import { can, canBind, mayMakeCode, ROLE_LABEL, ROLE_UNIT_KINDS, ROLES, UNIT_KIND_LABEL } from '../../core';
import { date } from '../../format';
import { usePeopleSearch } from '../../people-search';
import { scopedBindings, useSession } from '../../session';
import { PersonalCodeButton } from './PersonalCodeButton';
import { PersonModal } from './PersonModal';
import { ResetPassword } from './ResetPassword';
import { UnbindWechat } from './UnbindWechat';

interface Props {
  unit: Unit;
  onError(e: unknown, form?: FormInstance): void;
}

export function Bindings({ unit, onError }: Props) {
  const { me } = useSession();
  const { message } = App.useApp();
  const [rows, setRows] = useState<BindingView[] | null>(null);
  const [bindForm] = Form.useForm<BindValues>();
  const [people, setPeople] = useState<PersonView[]>([]);
  const [creating, setCreating] = useState(false);
  const [unbinding, setUnbinding] = useState<PersonView | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await api.units.bindings({ unitId: unit.id }));
    } catch (e) {
      onError(e);
      setRows([]);
    }
  }, [unit.id, onError]);

  useEffect(() => {
    void load();
  }, [load]);

  // Roles that sit on this kind of unit and that the signed-in person may grant here.
  const mine = scopedBindings(me);
  const roles = ROLES.filter((r) => ROLE_UNIT_KINDS[r].includes(unit.kind) && canBind(mine, r, unit));
  const readOnly = unit.archived || roles.length === 0;
  // What staff do for a person here, beside roles: take a WeChat user off them, print their personal code.
  const managesPeople = !unit.archived && can(mine, 'person.manage', unit);
  const printsCodes = !unit.archived && mayMakeCode(mine, 'personal', unit);
  // A person bound here as resident and as something else gets the personal code on the resident row only.
  const residentsHere = useMemo(() => new Set((rows ?? []).filter((b) => b.role === 'resident').map((b) => b.person.id)), [rows]);
  // People who handle matters (building lead, secretary…) before the many residents; then oldest first.
  const sorted = useMemo(
    () => [...(rows ?? [])].sort((a, b) => Number(a.role === 'resident') - Number(b.role === 'resident') || a.createdAt - b.createdAt),
    [rows],
  );

  const columns: TableColumnsType<BindingView> = [
    {
      title: '姓名',
      dataIndex: ['person', 'name'],
      width: 110,
      render: (name: string, b) => (
        <>
          {name}
          {b.person.id === me.person.id && (
            <Tag variant="filled" style={{ marginInlineStart: 6 }}>
              本人
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '角色',
      dataIndex: 'roleLabel',
      width: 130,
      render: (label: string) => <Tag color="geekblue">{label}</Tag>,
      // A building can have hundreds of residents: let the person pick out the building lead.
      filters: [...new Set((rows ?? []).map((r) => r.role))].map((r) => ({ text: ROLE_LABEL[r], value: r })),
      onFilter: (value, b) => b.role === value,
    },
    { title: '手机号', dataIndex: ['person', 'phone'], width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: '登录方式',
      key: 'login',
      render: (_, b) =>
        b.person.username || b.person.wechatBound ? (
          <Flex gap={6} align="center" wrap>
            {b.person.username && <span>账号 {b.person.username}</span>}
            {b.person.wechatBound && (
              <Tag color="green" data-testid="wechat-bound">
                微信
              </Tag>
            )}
          </Flex>
        ) : (
          '—'
        ),
    },
    { title: '绑定日期', dataIndex: 'createdAt', width: 110, render: (t: number) => date(t) },
  ];
  if (!readOnly || managesPeople || printsCodes) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_, b) => (
        <Flex gap={12} wrap>
          {/* Removing one's own role here could lock the person out of this page; another colleague does it. */}
          {!readOnly && canBind(mine, b.role, unit) && b.person.id !== me.person.id && (
            <Popconfirm
              title={`解除${b.person.name}的「${b.roleLabel}」角色？`}
              description="解除后，此人不再负责这个单位的事务。"
              okText="解除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={async () => {
                try {
                  await api.units.unbind({ bindingId: b.id });
                  message.success(`已解除${b.person.name}的「${b.roleLabel}」角色`);
                } catch (e) {
                  onError(e);
                }
                await load();
              }}
            >
              <Button type="link" danger size="small" style={{ paddingInline: 0 }}>
                解除
              </Button>
            </Popconfirm>
          )}
          {/* One's own password is changed from the header's menu, which asks for the current one. */}
          {managesPeople && b.person.username && b.person.id !== me.person.id && <ResetPassword person={b.person} />}
          {managesPeople && b.person.wechatBound && b.person.id !== me.person.id && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setUnbinding(b.person)}>
              解绑微信
            </Button>
          )}
          {/* A personal code lets in someone nobody signs in as yet: with WeChat or an account, they are in already. */}
          {printsCodes && !b.person.wechatBound && !b.person.username && b.person.id !== me.person.id && (b.role === 'resident' || !residentsHere.has(b.person.id)) && (
            <PersonalCodeButton binding={b} unit={unit} onError={onError} />
          )}
        </Flex>
      ),
    });
  }

  return (
    <Card
      title={
        <Flex align="baseline" gap={8}>
          人员与角色
          {rows && rows.length > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              共 {rows.length} 条
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        !readOnly && (
          <Button icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            新增人员
          </Button>
        )
      }
    >
      {!readOnly && <BindForm form={bindForm} people={people} setPeople={setPeople} unit={unit} roles={roles} onBound={load} onError={onError} />}
      {readOnly && !unit.archived && (
        <Typography.Paragraph type="secondary">您不能在{UNIT_KIND_LABEL[unit.kind]}一级绑定角色，只能查看。</Typography.Paragraph>
      )}
      <Table<BindingView>
        rowKey="id"
        size="middle"
        loading={rows === null}
        columns={columns}
        dataSource={sorted}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '这个单位还没有绑定人员' }}
      />
      {unbinding && (
        <UnbindWechat
          person={unbinding}
          onClose={() => setUnbinding(null)}
          onUnbound={() => {
            setUnbinding(null);
            void load();
          }}
        />
      )}
      {creating && (
        <PersonModal
          onError={onError}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            setPeople((list) => [p, ...list.filter((x) => x.id !== p.id)]);
            bindForm.setFieldsValue({ personId: p.id });
          }}
        />
      )}
    </Card>
  );
}

interface BindValues {
  personId: string;
  role: Role;
}

interface BindFormProps {
  form: FormInstance<BindValues>;
  people: PersonView[];
  setPeople(list: PersonView[]): void;
  unit: Unit;
  roles: Role[];
  onBound(): Promise<void>;
  onError: Props['onError'];
}

function BindForm({ form, people, setPeople, unit, roles, onBound, onError }: BindFormProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { search, searching, note } = usePeopleSearch(onError, setPeople);

  return (
    <>
      <Form
        name="bind"
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ role: roles.length === 1 ? roles[0] : undefined }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const b = await api.units.bind({ unitId: unit.id, personId: v.personId, role: v.role });
            message.success(`已把${b.person.name}设为「${unit.name}」的${b.roleLabel}`);
            form.resetFields(['personId']);
            await onBound();
          } catch (e) {
            onError(e, form);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
          <Select
            style={{ width: 260 }}
            placeholder="输入姓名或手机号查找"
            showSearch={{ filterOption: false, onSearch: search }}
            onOpenChange={(open) => open && search('')}
            notFoundContent={searching ? <Spin size="small" /> : (note ?? '没有找到，可点“新增人员”登记')}
            options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
          />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select style={{ width: 170 }} placeholder="选择角色" options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            绑定
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function personLabel(p: PersonView): string {
  return [p.name, p.phone, p.username && `账号 ${p.username}`].filter(Boolean).join(' · ');
}
