/** 取消讲座: with a reason; the server tells everyone signed up or waiting, and the answer says how many. */
import { App } from 'antd';
import { api, ApiError } from '../../api';
import type { LectureStaffView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';
import { lectureWhen } from './times';

const COMMON = ['主讲人临时有事，讲座改期', '场地临时不能使用', '天气原因，为安全取消'];

export function CancelLecture({ lecture, onCancelled, onStale, onClose }: { lecture: LectureStaffView; onCancelled(): void; onStale(): void; onClose(): void }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const people = lecture.confirmedSeats + lecture.waiting;
  const told = [lecture.confirmedSeats > 0 && `已报名的 ${lecture.confirmedSeats} 人`, lecture.waiting > 0 && `候补的 ${lecture.waiting} 组`].filter(Boolean).join('和');
  return (
    <ReasonModal
      title={`取消讲座「${lecture.title}」`}
      okText="取消讲座"
      name="cancelLecture"
      context={`${lectureWhen(lecture.startsAt, lecture.endsAt)} · ${lecture.venue}`}
      notice={{
        type: 'warning',
        text:
          lecture.status === 'draft'
            ? '草稿还没有发布，取消后不能再发布。'
            : `取消后不能恢复，居民不能再报名。${told ? `${told}都会收到通知，通知里写着下面的原因。` : '目前没有人报名，不用通知谁。'}`,
      }}
      label="取消原因（会告诉居民）"
      required="请填写取消原因"
      placeholder="如：主讲人临时有事，讲座改期，新时间另行通知"
      common={COMMON}
      onSubmit={async (v) => {
        const r = await api.lectures.cancel({ id: lecture.id, version: lecture.version, reason: v.reason });
        message.success(r.told > 0 ? `已取消「${r.title}」，已通知 ${r.told} 位报名和候补的居民` : `已取消「${r.title}」${people > 0 ? '' : '，没有需要通知的居民'}`);
        onCancelled();
      }}
      onFailed={(e, form) => {
        fail(e, form);
        if (e instanceof ApiError && (e.code === 'CONFLICT.VERSION' || e.code === 'LECTURE.CANCELLED')) onStale();
      }}
      onClose={onClose}
    />
  );
}
