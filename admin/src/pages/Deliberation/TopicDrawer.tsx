/**
 * Opening a topic (议题), or editing one before anyone voted or spoke: the unit, title, background,
 * the options (2–8, distinct) or an open question, the opinions' and vote days, who takes part, the
 * named parties and photos. What the server refuses is shown beside the field it names.
 */
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { TOPIC_AUDIENCES, TOPIC_AUDIENCE_LABEL, TOPIC_DAYS_AHEAD_MAX, TOPIC_OPTIONS_MAX, TOPIC_OPTIONS_MIN, TOPIC_PARTIES_MAX, TOPIC_PHOTOS_MAX } from '../../../../src/core/deliberation';
import type { TopicAudience } from '../../../../src/core/deliberation';
import { ApiError, api } from '../../api';
import type { TopicView } from '../../api';
import { useFailure } from '../../feedback';
import { useUnits } from '../../units';
import { chinaToday, dayOf, outsideDays } from './days';
import { PhotosField } from '../../photos-field';
import { useTopicUnits } from './units';

export interface TopicValues {
  unitId: string;
  title: string;
  background: string;
  openQuestion: boolean;
  options: string[];
  opinionsUntil: Dayjs;
  vote?: [Dayjs, Dayjs];
  audience: TopicAudience;
  parties: string[];
  photos: string[];
}

/** Parties named most often at the table (四方: 社区党委, 业委会, 物业, 居民代表). */
const PARTIES = ['物业公司', '业主委员会', '社区党委', '居民代表', '小区党支部'];

/** Where the server's field goes on this form. */
const FORM_FIELD: Record<string, keyof TopicValues> = { voteFrom: 'vote', voteUntil: 'vote', clientRequestId: 'title' };

function defaults(): Partial<TopicValues> {
  const today = chinaToday();
  return { openQuestion: false, options: ['同意', '不同意'], opinionsUntil: today.add(6, 'day'), vote: [today.add(7, 'day'), today.add(13, 'day')], audience: 'residents', parties: [], photos: [] };
}

function valuesOf(t: TopicView): Partial<TopicValues> {
  const vote = t.voteOpensAt !== null && t.voteClosesAt !== null ? ([chinaToday(t.voteOpensAt), chinaToday(t.voteClosesAt)] as [Dayjs, Dayjs]) : undefined;
  return {
    unitId: t.unit.id,
    title: t.title,
    background: t.background,
    openQuestion: !t.hasVote,
    options: t.hasVote ? t.options.map((o) => o.label) : ['同意', '不同意'],
    opinionsUntil: chinaToday(t.opinionsUntil),
    vote: vote ?? defaults().vote,
    audience: t.audience,
    parties: t.parties,
    // The stored references: the edit action keeps the photos they name (the field shows their addresses).
    photos: t.photoRefs,
  };
}

/** What the open and edit actions take from the form (days as China days; no vote days for an open question). */
export function topicFields(v: TopicValues) {
  const open = v.openQuestion;
  return {
    title: v.title.trim(),
    background: v.background.trim(),
    options: open ? [] : v.options.map((o) => o.trim()),
    photos: v.photos ?? [],
    audience: v.audience,
    parties: (v.parties ?? []).map((p) => p.trim()).filter(Boolean),
    opinionsUntil: dayOf(v.opinionsUntil),
    voteFrom: open || !v.vote ? null : dayOf(v.vote[0]),
    voteUntil: open || !v.vote ? null : dayOf(v.vote[1]),
  };
}

const requestId = () => `topic-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

interface Props {
  /** The topic edited, or null for a new one. */
  topic: TopicView | null;
  /** The unit a new topic starts on (the list's unit). */
  unitId?: string;
  /** The report a new topic is opened from (转为议题): its words start the background, and the topic links back to it. */
  fromReport?: { id: string; description: string; place: string } | null;
  onClose(): void;
  onSaved(t: TopicView): void;
}

export function TopicDrawer({ topic, unitId, fromReport = null, onClose, onSaved }: Props) {
  const [form] = Form.useForm<TopicValues>();
  const { message } = App.useApp();
  const fail = useFailure();
  const { units } = useUnits();
  const treeData = useTopicUnits(units);
  const [busy, setBusy] = useState(false);
  const openQuestion = Form.useWatch('openQuestion', form);
  // One request id per drawer: a retry after a lost answer does not open the topic twice.
  const rid = useRef(requestId());

  function failed(e: unknown, f: FormInstance<TopicValues>) {
    if (e instanceof ApiError && e.field) {
      const [head, index] = e.field.split('.');
      const name = head === 'options' && index !== undefined ? ['options', Number(index)] : FORM_FIELD[head] ? [FORM_FIELD[head]] : head in f.getFieldsValue() ? [head] : null;
      if (name) {
        f.setFields([{ name: name as never, errors: [e.message] }]);
        f.scrollToField(name as never);
        return;
      }
    }
    fail(e, f);
  }

  async function submit(v: TopicValues) {
    setBusy(true);
    try {
      const fields = topicFields(v);
      const saved = topic
        ? await api.deliberation.edit({ id: topic.id, version: topic.version, ...fields })
        : (await api.deliberation.open({ clientRequestId: rid.current, unitId: v.unitId, reportId: fromReport?.id ?? null, ...fields })).topic;
      message.success(topic ? `已保存议题「${saved.title}」` : `已发起议题「${saved.title}」，${saved.trail}的居民会收到通知`);
      onSaved(saved);
    } catch (e) {
      failed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const dayRule = { validator: (_: unknown, d?: Dayjs) => (d && outsideDays(d) ? Promise.reject(new Error(`请选择今天到 ${TOPIC_DAYS_AHEAD_MAX} 天内的日期`)) : Promise.resolve()) };
  return (
    <Drawer
      open
      rootClassName="topic-drawer"
      size={720}
      title={topic ? `修改议题：${topic.title}` : '发起议题'}
      onClose={onClose}
      maskClosable={!busy}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {topic ? '保存' : '发起议题'}
          </Button>
        </Flex>
      }
    >
      <Form name="topic" form={form} layout="vertical" onFinish={submit} initialValues={topic ? valuesOf(topic) : { ...defaults(), unitId, ...(fromReport ? { background: `居民反映（${fromReport.place}）：${fromReport.description}` } : {}) }} requiredMark="optional">
        {fromReport && (
          <Typography.Paragraph type="secondary" data-testid="topic-from-report">
            由反映转为议题：议题会链接回这条反映（{fromReport.place}）
          </Typography.Paragraph>
        )}
        {topic ? (
          <Typography.Paragraph type="secondary">议题范围：{topic.trail}（有人投票或发表意见后不能再修改）</Typography.Paragraph>
        ) : (
          <Form.Item name="unitId" label="议题范围" rules={[{ required: true, message: '请选择议题是哪栋楼、哪个小区或社区的' }]} extra="楼栋、小区或整个社区：这里的住户参加，一户一票">
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择楼栋、小区或社区" />
          </Form.Item>
        )}
        <Form.Item name="title" label="议题" rules={[{ required: true, whitespace: true, message: '请填写议题标题' }, { max: 40, message: '标题最多 40 个字' }]}>
          <Input placeholder="如：小区是否增设电动车充电桩" maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="background" label="背景" rules={[{ required: true, whitespace: true, message: '请填写议题背景' }, { max: 2000, message: '背景最多 2000 个字' }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="是什么事、为什么现在议、有哪些做法和费用" />
        </Form.Item>
        <Flex gap={8} align="center" style={{ marginBottom: 24 }}>
          <Form.Item name="openQuestion" valuePropName="checked" noStyle>
            <Switch aria-label="开放式问题" />
          </Form.Item>
          <Typography.Text>开放式问题：只征求意见，不投票</Typography.Text>
        </Flex>
        {!openQuestion && (
          <Form.List
            name="options"
            rules={[
              {
                validator: async (_, list?: string[]) => {
                  const labels = (list ?? []).map((o) => (o ?? '').trim()).filter(Boolean);
                  if ((list ?? []).length < TOPIC_OPTIONS_MIN) throw new Error(`至少要有 ${TOPIC_OPTIONS_MIN} 个选项`);
                  if (new Set(labels).size !== labels.length) throw new Error('选项不能重复');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Form.Item label="投票选项" required>
                <Flex vertical gap={8}>
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap={8} align="start">
                      <Form.Item name={f.name} noStyle={false} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: '请填写选项，或删掉这一项' }, { max: 40, message: '选项最多 40 个字' }]}>
                        <Input aria-label={`选项 ${i + 1}`} placeholder={`选项 ${i + 1}`} maxLength={40} />
                      </Form.Item>
                      {fields.length > TOPIC_OPTIONS_MIN && <Button icon={<MinusCircleOutlined />} aria-label={`删除选项 ${i + 1}`} onClick={() => remove(f.name)} />}
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} disabled={fields.length >= TOPIC_OPTIONS_MAX} onClick={() => add('')} style={{ width: 160 }}>
                    添加选项
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Flex>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="opinionsUntil" label="征求意见截止" rules={[{ required: true, message: '请选择征求意见截止日期' }, dayRule]} style={{ width: 220 }}>
            <DatePicker allowClear={false} disabledDate={(d) => outsideDays(d)} format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
          {!openQuestion && (
            <Form.Item
              name="vote"
              label="投票日期"
              rules={[
                { required: true, message: '请选择投票的开始和截止日期' },
                { validator: (_, r?: [Dayjs, Dayjs]) => (r && (outsideDays(r[0]) || outsideDays(r[1])) ? Promise.reject(new Error(`请选择今天到 ${TOPIC_DAYS_AHEAD_MAX} 天内的日期`)) : Promise.resolve()) },
              ]}
              extra="从开始那天 0 点到截止那天 24 点，一户一票，截止前可以改"
              style={{ width: 320 }}
            >
              <DatePicker.RangePicker allowClear={false} disabledDate={(d) => outsideDays(d)} format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="audience" label="谁参加" rules={[{ required: true, message: '请选择谁参加' }]}>
          <Radio.Group options={TOPIC_AUDIENCES.map((a) => ({ value: a, label: TOPIC_AUDIENCE_LABEL[a] }))} />
        </Form.Item>
        <Form.Item
          name="parties"
          label="参与方"
          extra="物业公司、业委会等参加商议的单位，可以直接输入"
          rules={[
            { type: 'array', max: TOPIC_PARTIES_MAX, message: `参与方最多 ${TOPIC_PARTIES_MAX} 个` },
            {
              validator: async (_, list?: string[]) => {
                if ((list ?? []).some((p) => p.trim().length > 20)) throw new Error('每个参与方最多 20 个字');
              },
            },
          ]}
        >
          <Select mode="tags" aria-label="参与方" placeholder="选择或输入，如 幸福里物业" options={PARTIES.map((p) => ({ value: p, label: p }))} tokenSeparators={['，', ',']} />
        </Form.Item>
        <Form.Item name="photos" label="照片">
          <PhotosField
            max={TOPIC_PHOTOS_MAX}
            noun="议题照片"
            hint="现场照片、示意图"
            testId="topic-photos"
            addresses={topic ? Object.fromEntries(topic.photoRefs.map((ref, i) => [ref, topic.photos[i]])) : undefined}
            onFailed={(e) => fail(e)}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
