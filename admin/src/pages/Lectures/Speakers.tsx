/**
 * 讲师库: the community's speaker pool. Staff add and edit speakers; a speaker who no longer lectures
 * is archived (停用), never deleted: past lectures still name them.
 */
import { App, Button, Checkbox, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { SpeakerView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { CommunityPicker, NotLectureStaff, useLectureCommunity } from './community';
import { SpeakerModal } from './SpeakerModal';

export default function SpeakersPage() {
  const choice = useLectureCommunity();
  const { communityId } = choice;
  const { message } = App.useApp();
  const fail = useFailure();
  const [speakers, setSpeakers] = useState<SpeakerView[] | null>(null);
  const [withArchived, setWithArchived] = useState(false);
  const [editing, setEditing] = useState<SpeakerView | 'new' | null>(null);

  const load = useCallback(async () => {
    if (!communityId) return;
    try {
      setSpeakers((await api.lectures.speakers({ communityId, includeArchived: withArchived })).speakers);
    } catch (e) {
      fail(e);
      setSpeakers([]);
    }
  }, [communityId, withArchived, fail]);
  useEffect(() => void load(), [load]);

  async function archive(s: SpeakerView) {
    try {
      await api.lectures.archiveSpeaker({ id: s.id, version: s.version });
      message.success(`${s.name}已停用，以后新建讲座时不再列出`);
      await load();
    } catch (e) {
      fail(e);
    }
  }

  if (!communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="讲师库" />
        <NotLectureStaff />
      </Flex>
    );
  }

  const columns: TableColumnsType<SpeakerView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      render: (name: string, s) => (
        <Flex gap={6} align="center">
          <Typography.Text strong>{name}</Typography.Text>
          {s.archived && <Tag>已停用</Tag>}
        </Flex>
      ),
    },
    { title: '职称', dataIndex: 'title', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '领域', dataIndex: 'field', width: 160, render: (v: string | null) => v ?? '—' },
    { title: '工作单位', dataIndex: 'affiliation', render: (v: string | null) => v ?? '—' },
    { title: '联系方式', dataIndex: 'contact', width: 170, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, s) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setEditing(s)}>
            编辑
          </Button>
          {!s.archived && (
            <Popconfirm title={`停用${s.name}？`} description="已安排的讲座不受影响，新建讲座时不再列出。" okText="停用" cancelText="取消" onConfirm={() => archive(s)}>
              <Button size="small" type="link" danger>
                停用
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="讲师库" hint="为讲座请来的专家、医生、律师和老师；联系方式只有工作人员能看到。">
        <CommunityPicker choice={choice} />
        <Checkbox checked={withArchived} onChange={(e) => setWithArchived(e.target.checked)}>
          显示已停用
        </Checkbox>
        <Button type="primary" onClick={() => setEditing('new')}>
          添加主讲人
        </Button>
      </PageHeader>
      <Table<SpeakerView>
        rowKey="id"
        columns={columns}
        dataSource={speakers ?? []}
        loading={speakers === null}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '讲师库还是空的：点右上角“添加主讲人”' }}
      />
      {editing && (
        <SpeakerModal
          communityId={communityId}
          speaker={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
    </Flex>
  );
}
