import { Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { Category, CommunityPolicy, Level, LevelDeadline } from '../../api';
import { LEVELS, LEVEL_LABEL } from '../../core';

/**
 * The three tables of the deadline settings form: levels, categories, per-category overrides.
 * The number cells have no min or max: antd would quietly pull −3 or 0 up to the bound on blur, and
 * the person would save a deadline they never typed. The server's refusal lands beside the cell instead.
 */

/** The settings form's values. */
export interface Values {
  policy: CommunityPolicy;
}
const DEADLINE_FIELDS: { key: keyof LevelDeadline; title: string; unit: string; tip: string; step: number }[] = [
  { key: 'respondHours', title: '响应时限', unit: '工作小时', tip: '处理人须在这段工作时间内受理', step: 0.5 },
  { key: 'resolveDays', title: '办结时限', unit: '工作日', tip: '按法定工作日计算，含调休', step: 1 },
  { key: 'urgentRespondHours', title: '紧急类响应', unit: '小时', tip: '紧急类别（电梯、消防等）按自然小时计算', step: 0.5 },
  { key: 'urgentResolveHours', title: '紧急类办结', unit: '小时', tip: '紧急类别按自然小时计算', step: 1 },
];
const COMPOUND_HANDLER = [
  { value: 'property_manager', label: '物业' },
  { value: 'compound_secretary', label: '小区党支部书记' },
];

/**
 * The levels the form shows: the grid only while the community has it on (the switch above the
 * levels), so a community that never turns it on sees the four levels it always saw.
 */
export function useShownLevels(): Level[] {
  const form = Form.useFormInstance<Values>();
  const gridOn = Form.useWatch(['policy', 'gridLevel'], form) === true;
  return LEVELS.filter((l) => l !== 'grid' || gridOn);
}

/** 网格作为一级: the switch that makes the grid a level of the community's reports. */
export function GridLevelSwitch() {
  return (
    <Form.Item
      name={['policy', 'gridLevel']}
      valuePropName="checked"
      label="网格作为一级"
      tooltip="打开后，网格下楼栋的反映在楼栋之后先交网格长（家长）或管家办理，办不了或超时再上报小区；不在网格里的楼栋照旧直接到小区。"
      style={{ marginBottom: 12 }}
    >
      <Switch aria-label="网格作为一级" checkedChildren="开" unCheckedChildren="关" />
    </Form.Item>
  );
}

export function LevelTable() {
  const levels = useShownLevels();
  const columns: TableColumnsType<{ level: Level }> = [
    { title: '层级', width: 90, render: (_, r) => <b>{LEVEL_LABEL[r.level]}</b> },
    ...DEADLINE_FIELDS.map((f) => ({
      title: (
        <span>
          {f.title}{' '}
          <Tooltip title={f.tip}>
            <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </span>
      ),
      render: (_: unknown, r: { level: Level }) => (
        <Form.Item name={['policy', 'levels', r.level, f.key]} style={{ margin: 0 }} rules={[{ required: true, message: `请填写${f.title}` }]}>
          <InputNumber step={f.step} suffix={f.unit} style={{ width: 150 }} aria-label={`${LEVEL_LABEL[r.level]}${f.title}`} />
        </Form.Item>
      ),
    })),
  ];
  return <Table size="small" rowKey="level" columns={columns} dataSource={levels.map((level) => ({ level }))} pagination={false} />;
}

/** A rule that no other category has the same value in `key` (checked again by the server). */
function unique(key: 'name' | 'code', index: number, message: string) {
  return ({ getFieldValue }: { getFieldValue(name: (string | number)[]): unknown }) => ({
    validator(_: unknown, value: string) {
      const all = (getFieldValue(['policy', 'categories']) as Category[] | undefined) ?? [];
      const v = value?.trim();
      return v && all.some((c, i) => i !== index && c?.[key]?.trim() === v) ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}

export function CategoryTable() {
  const levels = useShownLevels();
  return (
    <Form.List name={['policy', 'categories']}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            columns={[
              {
                title: '图标',
                width: 80,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'icon']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写图标' }]}>
                    <Input maxLength={8} style={{ width: 56, textAlign: 'center' }} aria-label="图标" />
                  </Form.Item>
                ),
              },
              {
                title: '名称',
                width: 240,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'name']} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写类别名称' }, unique('name', f.name, '类别名称不能重复')]}>
                    <Input maxLength={12} aria-label="类别名称" />
                  </Form.Item>
                ),
              },
              {
                title: '代码',
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'code']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, message: '请填写代码' }, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母开头，只含小写字母、数字、下划线' }, unique('code', f.name, '类别代码不能重复')]}
                  >
                    <Input maxLength={40} aria-label="类别代码" />
                  </Form.Item>
                ),
              },
              {
                title: '从哪一级开始办',
                width: 140,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'entryLevel']} style={{ margin: 0 }}>
                    <Select options={levels.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))} aria-label="起始层级" />
                  </Form.Item>
                ),
              },
              {
                title: '小区一级由谁办',
                width: 190,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'compoundHandler']} style={{ margin: 0 }}>
                    <Select options={COMPOUND_HANDLER} aria-label="小区处理人" />
                  </Form.Item>
                ),
              },
              {
                title: '紧急',
                width: 70,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'urgent']} valuePropName="checked" style={{ margin: 0 }}>
                    <Switch size="small" aria-label="紧急" />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 50,
                render: (_, f) => (
                  <Popconfirm title="删除这个类别？" okText="删除" cancelText="取消" onConfirm={() => remove(f.name)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除类别" />
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => add({ code: '', name: '', icon: '📌', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' } satisfies Category)}
          >
            添加类别
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function OverrideTable() {
  const form = Form.useFormInstance<Values>();
  const categories = (Form.useWatch(['policy', 'categories'], form) ?? []) as Category[];
  const levels = Form.useWatch(['policy', 'levels'], form) as CommunityPolicy['levels'] | undefined;
  const rows = categories.filter((c) => c && c.code);
  const shown = useShownLevels();
  const columns: TableColumnsType<Category> = [
    {
      title: '类别',
      width: 200,
      render: (_, c) => (
        <span>
          {c.icon} {c.name}
          {c.urgent && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              紧急
            </Tag>
          )}
        </span>
      ),
    },
    ...shown.map((l) => ({
      title: `${LEVEL_LABEL[l]}级`,
      render: (_: unknown, c: Category) => {
        const field = c.urgent ? 'urgentResolveHours' : 'resolveDays';
        const fallback = levels?.[l]?.[field];
        const before = LEVELS.indexOf(l) < LEVELS.indexOf(c.entryLevel);
        return (
          <Form.Item name={['policy', 'overrides', c.code, l, field]} style={{ margin: 0 }}>
            <InputNumber
              placeholder={before ? '不经过' : fallback !== undefined ? `默认 ${fallback}` : ''}
              disabled={before}
              suffix={c.urgent ? '小时' : '工作日'}
              style={{ width: 150 }}
              aria-label={`${c.name}在${LEVEL_LABEL[l]}级的办结时限`}
            />
          </Form.Item>
        );
      },
    })),
  ];
  return <Table size="small" rowKey="code" columns={columns} dataSource={rows} pagination={false} />;
}
