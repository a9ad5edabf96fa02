/**
 * The board's ranks: place, name (or 未公开姓名 for whoever did not agree to show it) and points. The
 * caller's own row says so in words (“我”) and with a border, not by its colour alone.
 */
import { Text, View } from '@tarojs/components';
import type { BoardRow } from '../../core/api';

export function Rank({ row }: { row: BoardRow }) {
  return (
    <View className={`board__row${row.mine ? ' board__row--mine' : ''}`} aria-label={`第 ${row.rank} 名，${row.name}${row.mine ? '（我）' : ''}，${row.points} 分`}>
      <Text className='board__rank'>{row.rank}</Text>
      <View className='board__who'>
        <Text className='board__name'>{row.name}</Text>
        {row.mine && <Text className='board__me'>◀ 我</Text>}
      </View>
      <Text className='board__points'>{`${row.points} 分`}</Text>
    </View>
  );
}

export function BoardRows({ rows }: { rows: BoardRow[] }) {
  return (
    <View className='board' aria-label='积分排名'>
      {rows.map((r, i) => (
        // Tied places and unnamed rows repeat rank and name: the position is the key.
        <Rank key={i} row={r} />
      ))}
    </View>
  );
}
