/**
 * One applicant in the approver's queue: who, which door of which building, their phone and whether
 * WeChat verified it (a typed one is to be checked by calling it), why they were turned away before,
 * and — when residents the community already registered have the same phone — which of them the
 * applicant is, or a new resident. Then 通过 / 不通过.
 */
import { Text, View } from '@tarojs/components';
import type { RegistrationQueueItem } from '../../core/api';
import { ApplicantPhone, ApplicantRow as Row, Decisions } from '../../components/Applicant';
import { Choices } from '../../components/Choices';
import { formatDay, formatWhen } from '../../utils/time';

/** The approver's pick among the matches: a person's id, or NEW_RESIDENT. */
export const NEW_RESIDENT = 'new';

/** Whether the approver must say who the applicant is before approving. */
export const needsChoice = (item: RegistrationQueueItem) => !item.applicant && item.matches.length > 0;

export function ApplicantCard({
  item,
  choice,
  onChoose,
  onApprove,
  onReject,
  busy,
  error,
}: {
  item: RegistrationQueueItem;
  choice: string | undefined;
  onChoose: (value: string) => void;
  onApprove: () => void;
  onReject: () => void;
  busy: boolean;
  error: string | null;
}) {
  return (
    <View className='card applicant'>
      <Text className='applicant__name'>{item.name}</Text>
      <Text className='applicant__where trail'>{item.moveFrom ? `申请改门牌，搬到 ${item.trail}` : `申请入住 ${item.trail}`}</Text>

      <Row label='门牌'>
        <Text className='applicant__text'>{item.doorLabel || '未填写'}</Text>
      </Row>
      <ApplicantPhone name={item.name} phone={item.phone} verified={item.phoneVerified} />
      <Row label='提交'>
        <Text className='applicant__text'>{formatWhen(item.createdAt)}</Text>
      </Row>
      {item.moveFrom ? (
        // A move: approving ends the old home in the same step.
        <Row label='原来住'>
          <Text className='applicant__text'>{`${[item.moveFrom.trail, item.moveFrom.doorLabel ?? '门牌未登记'].filter(Boolean).join(' ')}（通过后不再是那里的住户）`}</Text>
        </Row>
      ) : (
        item.applicant && (
          <Row label='身份'>
            <Text className='applicant__text'>{`已是居民 ${item.applicant.name}，这次登记另一户`}</Text>
          </Row>
        )
      )}
      {item.rejectedBefore.length > 0 && (
        <Row label='曾被拒绝'>
          {item.rejectedBefore.map((r, i) => (
            <Text key={i} className='applicant__rejected'>{`✕ ${formatDay(r.at)}：${r.reason ?? '没有写原因'}`}</Text>
          ))}
        </Row>
      )}

      {needsChoice(item) && (
        <View className='applicant__matches'>
          <Text className='applicant__matches-lead'>社区已登记过同一个手机号的居民。这位申请人是：</Text>
          <Choices
            options={[
              ...item.matches.map((m) => ({ value: m.id, label: `就是导入的 ${m.name}`, hint: m.phone ?? undefined })),
              { value: NEW_RESIDENT, label: '都不是，作为新居民', hint: '通过后新建一位居民' },
            ]}
            value={choice ?? null}
            onChange={onChoose}
          />
        </View>
      )}

      <Decisions error={error} busy={busy} onApprove={onApprove} onReject={onReject} rejectLabel='✕ 不通过' />
    </View>
  );
}
