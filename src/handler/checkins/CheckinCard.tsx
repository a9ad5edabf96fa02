/**
 * One party member in the approver's queue (党员报到审核): who, where they check in, their type and the
 * branch that holds their party relationship, where they work, what they offer and when, their
 * household, their phone (verified by WeChat or to be called), and their earlier check-ins (a member
 * who moved keeps them). When people under the unit have the same phone and nobody signs in as them,
 * which of them the member is, or a new person. Then 通过 / 退回.
 */
import { Text, View } from '@tarojs/components';
import type { CheckinQueueItem } from '../../core/api';
import { ApplicantPhone, ApplicantRow as Row, ApplicantText, Decisions } from '../../components/Applicant';
import { Choices } from '../../components/Choices';
import { formatDay, formatWhen } from '../../utils/time';

/** The approver's pick among the matches: a person's id, or NEW_MEMBER. */
export const NEW_MEMBER = 'new';

/** Whether the approver must say who the member is before approving. */
export const needsChoice = (item: CheckinQueueItem) => item.matches.length > 0;

const orNone = (list: string[]) => (list.length ? list.join('、') : '未填写');

export function CheckinCard({
  item,
  choice,
  onChoose,
  onApprove,
  onReturn,
  busy,
  error,
}: {
  item: CheckinQueueItem;
  choice: string | undefined;
  onChoose: (value: string) => void;
  onApprove: () => void;
  onReturn: () => void;
  busy: boolean;
  error: string | null;
}) {
  return (
    <View className='card applicant'>
      <Text className='applicant__name'>{item.name}</Text>
      <Text className='applicant__where trail'>{`报到到 ${item.trail}`}</Text>

      <Row label='党员类型'>
        <ApplicantText>{`${item.memberTypeLabel}党员${item.veteran ? '，退役军人' : ''}`}</ApplicantText>
      </Row>
      <Row label='组织关系'>
        <ApplicantText>{item.branch.place ? `${item.branch.name}（${item.branch.place}）` : item.branch.name}</ApplicantText>
      </Row>
      <ApplicantPhone name={item.name} phone={item.phone} verified={item.phoneVerified} />
      <Row label='工作单位'>
        <ApplicantText>{item.workUnit ?? '未填写'}</ApplicantText>
      </Row>
      <Row label='特长'>
        <ApplicantText>{orNone(item.skills)}</ApplicantText>
      </Row>
      <Row label='服务'>
        <ApplicantText>{`${orNone(item.services)}${item.freeTime ? `；${item.freeTime}有空` : ''}`}</ApplicantText>
      </Row>
      <Row label='住址'>
        <ApplicantText>{item.household ? `${item.household.building.name} ${item.household.doorLabel}` : '未填写'}</ApplicantText>
      </Row>
      <Row label='提交'>
        <ApplicantText>{formatWhen(item.createdAt)}</ApplicantText>
      </Row>
      {item.earlier.length > 0 && (
        <Row label='以前的报到'>
          {item.earlier.map((e) => (
            <Text key={e.id} className='applicant__text'>{`${formatDay(e.at)} ${e.unitName} ${e.statusLabel}${e.reason ? `：${e.reason}` : ''}`}</Text>
          ))}
        </Row>
      )}

      {needsChoice(item) && (
        <View className='applicant__matches'>
          <Text className='applicant__matches-lead'>社区已登记过同一个手机号的人。这位党员是：</Text>
          <Choices
            options={[
              ...item.matches.map((m) => ({ value: m.id, label: `就是已登记的 ${m.name}`, hint: m.phone ?? undefined })),
              { value: NEW_MEMBER, label: '都不是，新登记一人', hint: '通过后新建这位党员' },
            ]}
            value={choice ?? null}
            onChange={onChoose}
          />
        </View>
      )}

      <Decisions error={error} busy={busy} onApprove={onApprove} onReject={onReturn} rejectLabel='↩ 退回' />
    </View>
  );
}
