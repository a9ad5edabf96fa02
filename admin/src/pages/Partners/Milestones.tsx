/** A project's milestones (节点): each with its day, done or late; either owner side adds one and marks one done. */
import { Button, DatePicker, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { MILESTONES_MAX } from '../../../../src/core/partners';
import { api } from '../../api';
import type { MilestoneView, ProjectView } from '../../api';
import { date } from '../../format';
import { dayOf } from './days';

interface Props {
  project: ProjectView;
  onChanged(p: ProjectView): void;
  onFailed(e: unknown): void;
}

export function Milestones({ project, onChanged, onFailed }: Props) {
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs }>();
  const [busy, setBusy] = useState<string | null>(null);
  const may = project.can.milestone;

  async function run(key: string, act: () => Promise<ProjectView>) {
    setBusy(key);
    try {
      onChanged(await act());
      return true;
    } catch (e) {
      onFailed(e);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Table<MilestoneView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.milestones}
        locale={{ emptyText: may ? '还没有节点：在下面添加' : '没有节点' }}
        columns={[
          { title: '节点', dataIndex: 'title' },
          { title: '日期', dataIndex: 'dueOn', width: 110 },
          {
            title: '完成',
            key: 'done',
            width: 200,
            render: (_, m) =>
              m.doneAt ? (
                <Typography.Text data-testid="milestone-done">
                  已完成 {date(m.doneAt)}
                  {m.doneBy ? ` · ${m.doneBy.name}` : ''}
                </Typography.Text>
              ) : m.late ? (
                <Tag color="red">已过期，未完成</Tag>
              ) : (
                <Typography.Text type="secondary">未完成</Typography.Text>
              ),
          },
          {
            title: '',
            key: 'op',
            width: 100,
            render: (_, m) =>
              may &&
              !m.doneAt && (
                <Button size="small" loading={busy === m.id} onClick={() => void run(m.id, () => api.partners.doneMilestone({ id: project.id, version: project.version, milestoneId: m.id }))}>
                  标记完成
                </Button>
              ),
          },
        ]}
      />
      {may && project.milestones.length < MILESTONES_MAX && (
        <Form
          form={form}
          name="milestone"
          layout="inline"
          requiredMark={false}
          onFinish={(v) =>
            void run('add', () => api.partners.addMilestone({ id: project.id, version: project.version, title: v.title.trim(), dueOn: dayOf(v.dueOn) })).then((ok) => ok && form.resetFields())
          }
        >
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: '请填写节点名称' }, { max: 40, message: '节点名称最多 40 个字' }]}>
            <Input aria-label="节点名称" placeholder="节点，如：桌椅到货" maxLength={40} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true, message: '请选择节点日期' }]}>
            <DatePicker aria-label="节点日期" format="YYYY-MM-DD" placeholder="节点日期" />
          </Form.Item>
          <Button htmlType="submit" loading={busy === 'add'}>
            添加节点
          </Button>
        </Form>
      )}
    </Flex>
  );
}
