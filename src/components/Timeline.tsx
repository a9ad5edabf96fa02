import { Text, View } from '@tarojs/components';
import type { TimelineView } from '../core/api';
import { formatWhen } from '../utils/time';
import { timelineForPeople } from '../utils/report';
import { PhotoGrid } from './Photos';
import './components.scss';

/** What happened to the report, newest first: who did what, when, and what they said. */
export function Timeline({ entries }: { entries: TimelineView[] }) {
  const list = timelineForPeople(entries);
  return (
    <View className='card'>
      <Text className='section-title'>办理经过</Text>
      <View className='tl' aria-label='办理经过'>
        {list.map((e, i) => (
          <View key={e.id} className={`tl__item${i === 0 ? ' tl__item--latest' : ''}`}>
            <View className='tl__dot' />
            <View className='tl__body'>
              <Text className='tl__label'>{e.label}</Text>
              <Text className='tl__meta'>
                {e.actorName ?? '系统'} · {formatWhen(e.at)}
              </Text>
              {e.note && <Text className='tl__note'>{e.note}</Text>}
              <PhotoGrid photos={e.photos} label={`${e.label}的照片`} />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
