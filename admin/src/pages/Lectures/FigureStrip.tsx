/** A lecture's (or a month's) figures in one row: signed up, waiting, attended, attendance rate, no-shows. */
import { Card, Flex, Statistic, Tooltip } from 'antd';
import type { LectureFigures } from '../../api';
import { percent } from '../../format';

export function FigureStrip({ figures, testId }: { figures: LectureFigures; testId?: string }) {
  const items: { title: string; value: string | number; hint?: string }[] = [
    { title: '报名人数', value: figures.signedUp, hint: '报名成功的人数，同行的人也算在内' },
    { title: '候补', value: `${figures.waiting} 组` },
    { title: '签到人数', value: figures.attended },
    { title: '签到率', value: percent(figures.attendanceRate), hint: '签到人数 ÷ 报名人数；讲座开始后才计算' },
    { title: '未到', value: figures.noShows ?? '—', hint: '报名了却没签到的人数；讲座结束后才计算' },
  ];
  return (
    <Flex gap={12} wrap data-testid={testId}>
      {items.map((i) => (
        <Card key={i.title} size="small" style={{ minWidth: 140 }}>
          <Statistic title={i.hint ? <Tooltip title={i.hint}>{i.title}</Tooltip> : i.title} value={i.value} />
        </Card>
      ))}
    </Flex>
  );
}
