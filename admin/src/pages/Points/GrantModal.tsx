/**
 * 奖励积分 and 更正积分: whom, how many, why (the shared ReasonModal). A correction is a new entry,
 * plus or minus, never an edit; one that would take the balance below zero is refused with the
 * balance in the server's words (POINTS.BELOW_ZERO), shown under the points. One request id per
 * dialog: a retried 确定 writes one entry.
 */
import { Form, InputNumber } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useRef } from 'react';
import { api, ApiError } from '../../api';
import type { PointsEntryView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';
import { GRANT_POINTS_MAX } from '../../../../src/core/points';
import { PersonField } from './PersonField';

export type GrantMode = 'grant' | 'correct';

interface Values {
  personId: string;
  points: number;
  reason: string;
}

const WORDS: Record<GrantMode, { title: string; ok: string; notice: string; label: string; required: string; placeholder: string; common: string[] }> = {
  grant: {
    title: '奖励积分',
    ok: '奖励',
    notice: '奖励记入台账，本人在“我的积分”里能看到原因。台账只增不改，发错了请用“更正积分”。',
    label: '奖励原因（本人能看到）',
    required: '请填写奖励原因',
    placeholder: '如：协助社区开展垃圾分类宣传',
    common: ['协助社区开展活动', '疫情防控志愿服务', '年度优秀志愿者'],
  },
  correct: {
    title: '更正积分',
    ok: '更正',
    notice: '更正是台账里新的一笔（加分填正数，扣分填负数），原来的记录保留。扣分后结余不能小于 0。',
    label: '更正原因（本人能看到）',
    required: '请填写更正原因',
    placeholder: '如：11月5日讲座签到重复计分',
    common: ['重复计分', '计分有误', '服务时长登记有误'],
  },
};

function requestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

interface Props {
  mode: GrantMode;
  /** The person the ledger is filtered by: the dialog starts with them. */
  person?: { id: string; name: string };
  onDone(r: { entry: PointsEntryView; balance: number }): void;
  onFailed(e: unknown, form: FormInstance<Values>): void;
  onClose(): void;
}

export function GrantModal({ mode, person, onDone, onFailed, onClose }: Props) {
  const words = WORDS[mode];
  const clientRequestId = useRef(requestId());
  const min = mode === 'grant' ? 1 : -GRANT_POINTS_MAX;
  const fail = useFailure();
  const searchFailed = useCallback((e: unknown) => void fail(e), [fail]);
  return (
    <ReasonModal<Values>
      title={words.title}
      okText={words.ok}
      okDanger={mode === 'correct'}
      name={mode === 'grant' ? 'grantPoints' : 'correctPoints'}
      notice={{ type: mode === 'grant' ? 'info' : 'warning', text: words.notice }}
      label={words.label}
      required={words.required}
      placeholder={words.placeholder}
      common={words.common}
      initialValues={person ? { personId: person.id } : undefined}
      onSubmit={async (v) => {
        const data = { clientRequestId: clientRequestId.current, personId: v.personId, points: v.points, reason: v.reason };
        onDone(mode === 'grant' ? await api.points.grant(data) : await api.points.correct(data));
      }}
      onFailed={(e, form) => {
        // The balance the correction would break is said beside the points, whatever field the server named.
        if (e instanceof ApiError && e.code === 'POINTS.BELOW_ZERO') form.setFields([{ name: 'points', errors: [e.message] }]);
        else onFailed(e, form);
      }}
      onClose={onClose}
    >
      <Form.Item name="personId" label={mode === 'grant' ? '奖励给' : '更正谁的积分'} rules={[{ required: true, message: '请选择一个人' }]}>
        <PersonField known={person} onError={searchFailed} />
      </Form.Item>
      <Form.Item
        name="points"
        label={mode === 'grant' ? '积分' : '积分（加分填正数，扣分填负数）'}
        rules={[
          { required: true, message: '请填写积分' },
          { type: 'integer', message: '积分应为整数' },
          { type: 'number', min, max: GRANT_POINTS_MAX, message: `积分应在 ${min} 到 ${GRANT_POINTS_MAX} 之间` },
          ...(mode === 'correct' ? [{ validator: (_: unknown, n?: number) => (n === 0 ? Promise.reject(new Error('更正的积分不能为 0')) : Promise.resolve()) }] : []),
        ]}
      >
        <InputNumber<number> precision={0} style={{ width: 200 }} suffix="分" placeholder={mode === 'grant' ? '如 5' : '如 -2'} />
      </Form.Item>
    </ReasonModal>
  );
}
