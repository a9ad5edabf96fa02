import { Text, View } from '@tarojs/components';
import type { LectureCard } from '../core/api';
import { Chip } from './Chip';
import { mineChip, seatsLine, speakerLine, whenLine, windowLine } from './words';

/** A lecture in 社区讲堂's list: what, who, when, where, the seats left and one's own sign-up. The whole card opens it. */
export function LectureItem({ lecture, onOpen }: { lecture: LectureCard; onOpen: () => void }) {
  const full = lecture.seatsLeft === 0;
  const speaker = speakerLine(lecture.speaker);
  const window = windowLine(lecture);
  return (
    <View className={`lcard${full ? ' lcard--full' : ''}`} hoverClass='lcard--pressed' onClick={onOpen}>
      <Text className='lcard__title'>{lecture.title}</Text>
      {speaker && <Text className='lcard__line'>{`主讲：${speaker}`}</Text>}
      <Text className='lcard__line'>{`时间：${whenLine(lecture)}`}</Text>
      <Text className='lcard__line'>{`地点：${lecture.venue}`}</Text>
      <Text className='lcard__seats'>{`${full ? '⏳' : '✓'} ${seatsLine(lecture)}`}</Text>
      {(lecture.mine || window) && (
        <View className='lcard__chips'>
          {lecture.mine && <Chip {...mineChip(lecture.mine)} />}
          {window && !lecture.mine && <Chip tone='off' label={window} />}
        </View>
      )}
    </View>
  );
}
