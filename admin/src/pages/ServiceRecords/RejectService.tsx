/** 不通过 a service record, with a reason the person reads (the shared ReasonModal); no points are granted. */
import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { ServiceRecordView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { duration } from './duration';

const COMMON = ['服务内容与实际不符', '服务时长登记有误，请重新登记', '同一次服务重复登记', '不属于志愿服务'];

interface Props {
  record: ServiceRecordView;
  onRejected(r: ServiceRecordView): void;
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

export function RejectService({ record, onRejected, onFailed, onClose }: Props) {
  return (
    <ReasonModal<{ reason: string }>
      title={`不通过${record.person.name}的服务记录`}
      okText="不通过"
      name="rejectService"
      context={`${record.date} · ${record.what} · ${duration(record.minutes)}`}
      notice={{ type: 'info', text: '不通过的记录不得分，本人会看到下面的原因，可以改正后重新登记。' }}
      label="不通过的原因（本人能看到）"
      required="请填写不通过的原因"
      placeholder={`如：${COMMON[0]}`}
      common={COMMON}
      onSubmit={async (v) => onRejected(await api.points.rejectService({ id: record.id, version: record.version, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
