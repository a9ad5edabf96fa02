/**
 * 记录决定: how the decision was reached (the vote, 逢三说事, a joint meeting, a residents' meeting),
 * the option adopted, the decision and the minutes, the meeting's day and who attended; for a
 * compound's topic, optionally the new text of its 公约, edited from the current one (the version
 * read goes with it: someone else's change meanwhile is refused, not overwritten). Published at once
 * on the topic and the compound's public page.
 */
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Skeleton, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DECIDED_BY, DECIDED_BY_LABEL } from '../../../../src/core/deliberation';
import type { DecidedBy } from '../../../../src/core/deliberation';
import { ApiError, api } from '../../api';
import type { CompoundRulesView, TopicView } from '../../api';
import { useFailure } from '../../feedback';
import { chinaToday, dayOf } from './days';

interface Values {
  decidedBy: DecidedBy;
  optionId: string;
  text: string;
  minutes: string;
  meetingDay: Dayjs;
  attendees: string;
  changeRules: boolean;
  rulesText?: string;
  rulesNote?: string;
}

const NONE = 'none';
const FORM_FIELD: Record<string, keyof Values> = { 'rules.text': 'rulesText', 'rules.note': 'rulesNote', 'rules.expectedVersion': 'rulesText', rules: 'rulesText' };

/** The adopted option a decision starts on: the vote's single leader, once counts are known. */
function leader(t: TopicView): string {
  const counted = t.options.filter((o) => o.count !== null);
  if (!counted.length) return NONE;
  const max = Math.max(...counted.map((o) => o.count ?? 0));
  const top = counted.filter((o) => o.count === max);
  return max > 0 && top.length === 1 ? top[0].id : NONE;
}

export function DecideDrawer({ topic, onClose, onSaved }: { topic: TopicView; onClose(): void; onSaved(t: TopicView): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const [rules, setRules] = useState<CompoundRulesView | null>(null);
  const changeRules = Form.useWatch('changeRules', form);
  const compound = topic.unit.kind === 'compound';

  useEffect(() => {
    if (!changeRules || rules) return;
    api.deliberation.rules({ compoundId: topic.unit.id }).then(
      (r) => {
        setRules(r);
        // Start from the text in force: the change is an edit of it, not a rewrite.
        if (!form.getFieldValue('rulesText')) form.setFieldValue('rulesText', r.current?.text ?? '');
      },
      (e) => fail(e),
    );
  }, [changeRules, rules, topic.unit.id, form, fail]);

  function failed(e: unknown, f: FormInstance<Values>) {
    if (e instanceof ApiError && e.code === 'RULES.VERSION_MOVED') {
      // Someone adopted another version meanwhile: show it, keep what was typed in the other fields.
      setRules(null);
      f.setFieldValue('rulesText', '');
      f.setFields([{ name: 'rulesText', errors: [`${e.message}（已载入最新的公约，请在它的基础上重新修改）`] }]);
      return;
    }
    const field = e instanceof ApiError && e.field ? FORM_FIELD[e.field] : undefined;
    if (field) {
      f.setFields([{ name: field, errors: [(e as ApiError).message] }]);
      f.scrollToField(field);
    } else fail(e, f);
  }

  async function submit(v: Values) {
    setBusy(true);
    try {
      const saved = await api.deliberation.decide({
        id: topic.id,
        version: topic.version,
        decidedBy: v.decidedBy,
        optionId: v.optionId && v.optionId !== NONE ? v.optionId : null,
        text: v.text.trim(),
        minutes: v.minutes.trim(),
        meetingDay: dayOf(v.meetingDay),
        attendees: v.attendees.trim(),
        rules: v.changeRules && rules ? { text: (v.rulesText ?? '').trim(), note: (v.rulesNote ?? '').trim(), expectedVersion: rules.current?.version ?? 0 } : null,
      });
      message.success(`已公布「${saved.title}」的决定和会议纪要${saved.decision?.rulesVersion ? `，小区公约更新为第 ${saved.decision.rulesVersion} 版` : ''}`);
      onSaved(saved);
    } catch (e) {
      failed(e, form);
    } finally {
      setBusy(false);
    }
  }

  const options = [...topic.options.map((o) => ({ value: o.id, label: o.count === null ? o.label : `${o.label}（${o.count} 票）` })), { value: NONE, label: '不采纳任何选项' }];
  return (
    <Drawer
      open
      rootClassName="decide-drawer"
      size={760}
      title={`记录决定：${topic.title}`}
      onClose={onClose}
      maskClosable={!busy}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            公布决定
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="公布后，决定和会议纪要显示在议题页和小区公示页上，参与的居民会收到通知；公布后不能修改。" />
      <Form
        name="decide"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{ decidedBy: topic.hasVote ? 'vote' : 'agenda_meeting', optionId: topic.hasVote ? leader(topic) : NONE, meetingDay: chinaToday(), changeRules: false }}
      >
        <Form.Item name="decidedBy" label="怎么决定的" rules={[{ required: true, message: '请选择怎么决定的' }]}>
          <Radio.Group options={DECIDED_BY.filter((d) => d !== 'vote' || topic.hasVote).map((d) => ({ value: d, label: DECIDED_BY_LABEL[d] }))} />
        </Form.Item>
        {topic.hasVote && (
          <Form.Item name="optionId" label="采纳的选项">
            <Select aria-label="采纳的选项" options={options} style={{ width: 360 }} />
          </Form.Item>
        )}
        <Form.Item name="text" label="决定" rules={[{ required: true, whitespace: true, message: '请填写决定的内容' }, { max: 1000, message: '决定最多 1000 个字' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="接下来做什么、谁来做、什么时候完成" />
        </Form.Item>
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }, { max: 5000, message: '会议纪要最多 5000 个字' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount placeholder="时间、地点、议了什么、各方意见、表决情况和结论" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="meetingDay" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]} style={{ width: 200 }}>
            <DatePicker allowClear={false} format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attendees" label="参会人员" rules={[{ required: true, whitespace: true, message: '请填写参会人员' }, { max: 200, message: '参会人员最多 200 个字' }]} style={{ flex: 1, minWidth: 300 }}>
            <Input maxLength={200} placeholder="如：社区党委、业委会、物业、居民代表 12 人" />
          </Form.Item>
        </Flex>
        {compound && (
          <Flex vertical gap={4} style={{ marginBottom: 24 }}>
            <Flex gap={8} align="center">
              <Form.Item name="changeRules" valuePropName="checked" noStyle>
                <Switch aria-label="同时修改小区公约" />
              </Form.Item>
              <Typography.Text>同时修改小区公约</Typography.Text>
            </Flex>
            <Typography.Text type="secondary">这个决定要写进小区管理公约时打开：公约会新增一个版本，并注明是这个议题改的</Typography.Text>
          </Flex>
        )}
        {compound && changeRules && (
          <>
            {!rules ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : (
              <Typography.Paragraph type="secondary" data-testid="rules-current">
                {rules.current ? `现行公约：第 ${rules.current.version} 版（${rules.current.note}）。在下面修改全文：` : '这个小区还没有录入公约：下面填写的就是第 1 版。'}
              </Typography.Paragraph>
            )}
            <Form.Item name="rulesText" label="公约全文" rules={[{ required: true, whitespace: true, message: '请填写公约全文' }, { max: 20000, message: '公约最多 20000 个字' }]}>
              <Input.TextArea rows={10} maxLength={20000} disabled={!rules} aria-label="公约全文" />
            </Form.Item>
            <Form.Item name="rulesNote" label="修改说明" rules={[{ required: true, whitespace: true, message: '请用一句话说明改了什么' }, { max: 100, message: '修改说明最多 100 个字' }]}>
              <Input maxLength={100} placeholder="如：增加电动车充电条款" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
