/**
 * "邻居已经反映过": the neighbour's open report of the same kind, offered to follow (+1) instead of
 * filing it twice, and, once followed, that report with how many households now report it. What the
 * person typed goes with the +1 as their comment on it (reports.follow `note`), and they are told so.
 */
import { Text, View } from '@tarojs/components';
import type { ReportDetail, ReportSummary } from '../../core/api';
import { Button } from '../../components/nut';
import { ReportCard } from '../../components/ReportCard';
import { Screen } from '../../components/Screen';
import { goHome, open, replaceWith, reportUrl } from '../../utils/nav';

/** Households that report it: the one who filed it and every follower. */
const households = (r: Pick<ReportSummary, 'followers'>) => r.followers + 1;

interface OfferProps {
  report: ReportSummary;
  /** What the person typed, trimmed: kept with the +1. */
  note: string;
  /** Photos the person added: a +1 carries words only (reports.follow takes no photos), and says so. */
  photoCount: number;
  busy: boolean;
  error: string | null;
  onFollow: () => void;
  onFileAnyway: () => void;
  onBack: () => void;
}

export function SimilarOffer({ report, note, photoCount, busy, error, onFollow, onFileAnyway, onBack }: OfferProps) {
  return (
    <Screen className='report-new'>
      <Text className='report-new__title page-title'>邻居已经反映过这个问题</Text>
      <Text className='report-new__lead'>这条反映正在办理。您可以跟进它（+1），办理人会知道又有一户遇到了，不用重复提交。</Text>
      <ReportCard report={report} audience='resident' onOpen={() => open(reportUrl(report.id))} />
      {report.followers > 0 && <Text className='muted report-new__followers'>已有 {households(report)} 户反映了这个问题</Text>}
      {note && (
        <Text className='muted report-new__followers'>
          您写的情况会一起补充到这条反映里，办理人能看到。{photoCount > 0 ? `跟进只带上文字，您加的 ${photoCount} 张照片不会附上。` : ''}
        </Text>
      )}
      {error && <Text className='message message--error'>{error}</Text>}
      <View className='actions'>
        <Button type='primary' size='large' block disabled={busy} onClick={onFollow}>
          跟进这条（+1）
        </Button>
        <Button size='large' block disabled={busy} onClick={onFileAnyway}>
          {busy ? '正在提交…' : '不是同一个问题，仍然提交'}
        </Button>
      </View>
      <Text className='link' onClick={onBack}>
        返回修改
      </Text>
    </Screen>
  );
}

/** After the +1: the report as the server now has it, its count including this household. */
export function Followed({ report, noted }: { report: ReportDetail; noted: boolean }) {
  return (
    <Screen className='report-new'>
      <Text className='report-new__title page-title'>已跟进这条反映</Text>
      <Text className='report-new__lead'>
        现在共有 {households(report)} 户反映了这个问题（含您），办理人已经知道。{noted ? '您写的情况已补充在这条反映里。' : ''}有进展会通知您。
      </Text>
      <ReportCard report={report} audience='resident' onOpen={() => replaceWith(reportUrl(report.id))} />
      <View className='actions'>
        <Button type='primary' size='large' block onClick={() => replaceWith(reportUrl(report.id))}>
          查看这条反映
        </Button>
      </View>
      <Text className='link' onClick={goHome}>
        回到首页
      </Text>
    </Screen>
  );
}
