/**
 * A lecture's form, for a new one (saved as a draft) and for editing (a draft or a published one).
 * Every field the server refuses is shown beside that field: a capacity below the seats already
 * confirmed says so at 座位数, times that do not fit at the time they name.
 */
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { MAX_CAPACITY, MAX_COMPANIONS } from '../../../../src/core/lectures';
import { ApiError, api } from '../../api';
import type { LectureStaffView, SpeakerView } from '../../api';
import { useFailure } from '../../feedback';
import { useUnits } from '../../units';
import { PictureField } from './PictureField';
import { chinaInstant, chinaPicker } from './times';

interface Values {
  title: string;
  speakerId: string;
  description: string;
  picture: string | null;
  time: [Dayjs, Dayjs];
  venue: string;
  capacity: number;
  audience: 'community' | 'compounds';
  compounds: string[];
  signup: [Dayjs, Dayjs];
  companionsAllowed: number;
}

/** Where the server's field goes on this form (the times are pairs here). */
const FORM_FIELD: Record<string, keyof Values> = {
  startsAt: 'time',
  endsAt: 'time',
  signupFrom: 'signup',
  signupUntil: 'signup',
  openTo: 'compounds',
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A new lecture's defaults: a week from now at 14:30 for 90 minutes, sign-ups from now until it starts. */
function defaults(now: number): Partial<Values> {
  const day = chinaPicker(now + 7 * DAY).hour(14).minute(30).second(0);
  return {
    time: [day, day.add(90, 'minute')],
    signup: [chinaPicker(now).second(0), day],
    capacity: 50,
    companionsAllowed: 0,
    audience: 'community',
    compounds: [],
    picture: null,
  };
}

function valuesOf(l: LectureStaffView): Partial<Values> {
  const compounds = l.openTo.filter((u) => u.kind === 'compound').map((u) => u.id);
  return {
    title: l.title,
    speakerId: l.speaker?.id,
    description: l.description,
    picture: l.picture,
    time: [chinaPicker(l.startsAt), chinaPicker(l.endsAt)],
    venue: l.venue,
    capacity: l.capacity,
    audience: compounds.length ? 'compounds' : 'community',
    compounds,
    signup: [chinaPicker(l.signupFrom), chinaPicker(l.signupUntil)],
    companionsAllowed: l.companionsAllowed,
  };
}

interface Props {
  communityId: string;
  /** The lecture edited, or null for a new one. */
  lecture: LectureStaffView | null;
  onClose(): void;
  onSaved(l: LectureStaffView): void;
}

export function LectureDrawer({ communityId, lecture, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const { units } = useUnits();
  const [speakers, setSpeakers] = useState<SpeakerView[]>([]);
  const [busy, setBusy] = useState(false);
  const audience = Form.useWatch('audience', form);

  useEffect(() => {
    api.lectures.speakers({ communityId }).then(
      (r) => setSpeakers(r.speakers),
      (e) => fail(e),
    );
  }, [communityId, fail]);

  const community = units?.find((u) => u.id === communityId);
  const compounds = useMemo(
    () => (units ?? []).filter((u) => u.kind === 'compound' && community && u.path.startsWith(community.path)).map((u) => ({ value: u.id, label: u.name })),
    [units, community],
  );
  // An archived speaker stays on the lecture that names them, and is offered for it only.
  const speakerOptions = useMemo(() => {
    const list = lecture?.speaker && !speakers.some((s) => s.id === lecture.speaker!.id) ? [...speakers, lecture.speaker] : speakers;
    return list.map((s) => ({ value: s.id, label: [s.name, s.title, s.affiliation].filter(Boolean).join(' · ') }));
  }, [speakers, lecture]);

  function failed(e: unknown, f: FormInstance<Values>) {
    const field = e instanceof ApiError && e.field ? FORM_FIELD[e.field] : undefined;
    if (field) {
      f.setFields([{ name: field, errors: [(e as ApiError).message] }]);
      f.scrollToField(field);
    } else fail(e, f);
  }

  async function submit(v: Values) {
    setBusy(true);
    const fields = {
      title: v.title.trim(),
      speakerId: v.speakerId,
      description: v.description.trim(),
      picture: v.picture ?? null,
      startsAt: chinaInstant(v.time[0]),
      endsAt: chinaInstant(v.time[1]),
      venue: v.venue.trim(),
      capacity: v.capacity,
      openTo: v.audience === 'community' ? [communityId] : v.compounds,
      signupFrom: chinaInstant(v.signup[0]),
      signupUntil: chinaInstant(v.signup[1]),
      companionsAllowed: v.companionsAllowed,
    };
    try {
      const saved = lecture ? await api.lectures.edit({ id: lecture.id, version: lecture.version, ...fields }) : await api.lectures.create({ communityId, ...fields });
      message.success(lecture ? `已保存「${saved.title}」` : `已保存草稿「${saved.title}」，检查无误后点“发布”，居民才能看到`);
      onSaved(saved);
    } catch (e) {
      failed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const timeFormat = 'YYYY-MM-DD HH:mm';
  return (
    <Drawer
      open
      rootClassName="lecture-drawer"
      size={720}
      title={lecture ? `编辑讲座：${lecture.title}` : '新建讲座'}
      onClose={onClose}
      maskClosable={!busy}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {lecture ? '保存' : '保存为草稿'}
          </Button>
        </Flex>
      }
    >
      {lecture && lecture.status === 'published' && (
        <Typography.Paragraph type="secondary">
          已发布：已有 {lecture.confirmedSeats} 人报名成功、{lecture.waiting} 组候补。座位可以增加（新增的座位依次给候补的居民，并通知他们），不能少于已报名的人数。
        </Typography.Paragraph>
      )}
      <Form name="lecture" form={form} layout="vertical" onFinish={submit} initialValues={lecture ? valuesOf(lecture) : defaults(Date.now())} requiredMark="optional">
        <Form.Item name="title" label="讲座题目" rules={[{ required: true, whitespace: true, message: '请填写讲座题目' }, { max: 40, message: '题目最多 40 个字' }]}>
          <Input placeholder="如：冬季老年人心脑血管疾病预防" maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="speakerId" label="主讲人" rules={[{ required: true, message: '请选择主讲人' }]} extra={speakers.length === 0 ? '讲师库还是空的：先到“讲堂 › 讲师库”添加主讲人' : undefined}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="从讲师库选择" options={speakerOptions} />
        </Form.Item>
        <Form.Item name="description" label="讲座介绍" rules={[{ required: true, whitespace: true, message: '请填写讲座介绍' }, { max: 2000, message: '介绍最多 2000 个字' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="讲什么、适合谁听、需要带什么" />
        </Form.Item>
        <Form.Item name="picture" label="图片">
          <PictureField initialUrl={lecture?.pictureUrl ?? null} onFailed={(e) => failed(e instanceof ApiError ? new ApiError(e.code, e.message, 'picture') : e, form)} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="time" label="讲座时间" rules={[{ required: true, message: '请选择讲座的开始和结束时间' }]} style={{ width: 400 }}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={timeFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="venue" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }, { max: 60, message: '地点最多 60 个字' }]} style={{ flex: 1, minWidth: 220 }}>
            <Input placeholder="如：社区党群服务中心二楼会议室" maxLength={60} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="companionsAllowed" label="每人可带同行" rules={[{ required: true, message: '请填写可带同行人数' }]} extra="0 表示只能本人报名" style={{ width: 200 }}>
            <InputNumber min={0} max={MAX_COMPANIONS} precision={0} style={{ width: '100%' }} suffix="人" />
          </Form.Item>
          {/* Wide: the server's refusal of a capacity below the confirmed seats is a full sentence. */}
          <Form.Item name="capacity" label="座位数" rules={[{ required: true, message: '请填写座位数' }]} style={{ flex: 1, minWidth: 200 }}>
            <InputNumber min={1} max={MAX_CAPACITY} precision={0} style={{ width: 200 }} suffix="个" />
          </Form.Item>
        </Flex>
        <Form.Item name="audience" label="谁可以报名" rules={[{ required: true, message: '请选择谁可以报名' }]}>
          <Radio.Group
            options={[
              { value: 'community', label: `全社区${community ? `（${community.name}）` : ''}` },
              { value: 'compounds', label: '部分小区' },
            ]}
          />
        </Form.Item>
        {audience === 'compounds' && (
          <Form.Item name="compounds" label="小区" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个小区' }]}>
            <Select mode="multiple" placeholder="选择可以报名的小区" options={compounds} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item name="signup" label="报名时间" rules={[{ required: true, message: '请选择报名的开始和截止时间' }]} extra="截止时间不能晚于讲座开始" style={{ width: 400 }}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={timeFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
