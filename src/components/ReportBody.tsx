/**
 * A report's detail as both the resident and the handler see it: what and where, the next step
 * in a sentence, who is on it and by when, and what has happened. The action areas differ per
 * page and come after it.
 */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportDetail } from '../core/api';
import { formatWhen } from '../utils/time';
import { deadlineSentence, handlerNextStep, isOpenStatus } from '../utils/report';
import { PhotoGrid } from './Photos';
import { StatusChip } from './StatusChip';
import { Timeline } from './Timeline';
import { VoicePlayer } from './VoicePlayer';
import './components.scss';

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='rb__row'>
      <Text className='rb__row-label'>{label}</Text>
      <Text className='rb__row-value'>{children}</Text>
    </View>
  );
}

export function ReportHead({ report }: { report: ReportDetail }) {
  return (
    <View className='card rb__head'>
      <View className='rb__cat'>
        <Text className='rb__icon'>{report.icon}</Text>
        <Text className='rb__cat-name page-title'>{report.categoryName}</Text>
        {report.urgent && <Text className='badge-urgent'>紧急</Text>}
      </View>
      <View className='rb__status'>
        <StatusChip status={report.status} label={report.statusLabel} />
        {report.overdue && <Text className='rb__overdue'>⚠ 已超时</Text>}
      </View>
      <Text className='rb__desc'>{report.description}</Text>
      {report.voice && <VoicePlayer src={report.voice.url} seconds={report.voice.seconds} />}
      {report.voice?.heard && report.voice.heard !== report.description && <Row label='语音内容'>{report.voice.heard}</Row>}
      <Row label='地点'>{report.place}</Row>
      {report.location && <Row label='位置'>{report.location}</Row>}
      <Row label='提交'>{formatWhen(report.createdAt)}</Row>
      {report.followers > 0 && <Text className='rb__followers'>另有 {report.followers} 位邻居反映了同样的问题</Text>}
      <PhotoGrid photos={report.photos} label='反映的照片' />
      {report.photosWithheld && <Text className='rb__followers'>{report.photosWithheld}</Text>}
    </View>
  );
}

/** The server's next step speaks to the resident ("…会联系您"); the handler reads what is asked of them. */
export function NextStep({ report, audience }: { report: ReportDetail; audience: 'resident' | 'handler' }) {
  return (
    <View className='next-step' aria-label='下一步'>
      <Text className='next-step__title'>下一步</Text>
      <Text className='next-step__text'>{audience === 'handler' ? handlerNextStep(report) : report.nextStep}</Text>
    </View>
  );
}

export function WhoIsOnIt({ report, audience }: { report: ReportDetail; audience: 'resident' | 'handler' }) {
  // The handler's 下一步 already says by when; the resident reads it here, beside who is on it.
  const deadline = audience === 'resident' ? deadlineSentence(report, audience) : null;
  const open = isOpenStatus(report.status);
  return (
    <View className='card'>
      <Text className='section-title'>{open ? '谁在办' : '办理情况'}</Text>
      {report.handler ? (
        <View className='rb__handler'>
          <Text className='rb__handler-name'>
            {report.handler.name}（{report.handler.roleLabel}）
          </Text>
          {report.handler.phone && audience === 'resident' && open && (
            <View className='rb__call' hoverClass='rb__call--pressed' onClick={() => call(report.handler!.phone!)}>
              <Text>📞 打电话</Text>
            </View>
          )}
        </View>
      ) : (
        open && <Text className='muted'>正在安排负责人</Text>
      )}
      {deadline && (
        <Text className={`rb__deadline${report.overdue ? ' rb__deadline--late' : ''}`}>
          {`办理时限：${deadline}`}
        </Text>
      )}
      {report.transferredTo && <Row label='已转交'>{report.transferredTo}</Row>}
      {report.extension && (
        <Row label='延期申请'>
          {report.extension.days} 个工作日：{report.extension.reason}
        </Row>
      )}
      {report.rejectReason && <Row label='不受理原因'>{report.rejectReason}</Row>}
      {report.rating && (
        <Row label='居民评价'>
          {{ satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' }[report.rating]}
          {report.ratingNote ? `：${report.ratingNote}` : ''}
        </Row>
      )}
    </View>
  );
}

/** For handlers: who reported it and how to reach them. */
export function Reporter({ report }: { report: ReportDetail }) {
  if (!report.resident) return null;
  const { name, phone } = report.resident;
  return (
    <View className='card'>
      <Text className='section-title'>反映人</Text>
      <View className='rb__handler'>
        <Text className='rb__handler-name'>{name}</Text>
        {phone && (
          <View className='rb__call' hoverClass='rb__call--pressed' onClick={() => call(phone)}>
            <Text>📞 {phone}</Text>
          </View>
        )}
      </View>
      <Row label='来源'>{report.channelLabel}</Row>
      {report.anonymous && <Text className='muted'>居民要求不公开姓名：对外公示时不要写出名字。</Text>}
    </View>
  );
}

/** `children` (what this person can do now) comes right after the next step, before the history. */
export function ReportBody({ report, audience, children }: { report: ReportDetail; audience: 'resident' | 'handler'; children?: ReactNode }) {
  return (
    <>
      <ReportHead report={report} />
      <NextStep report={report} audience={audience} />
      {children}
      <WhoIsOnIt report={report} audience={audience} />
      {audience === 'handler' && <Reporter report={report} />}
      <Timeline entries={report.timeline} />
    </>
  );
}
