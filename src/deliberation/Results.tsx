/**
 * The counts of a closed vote: each option's votes in words ("23 户，58%") with a bar that only draws
 * them, and the share of households that took part. Never who voted what: the server sends counts only.
 */
import { Text, View } from '@tarojs/components';
import type { CSSProperties } from 'react';

export interface ResultRow {
  id?: string;
  label: string;
  count: number;
  percent: number;
}

export function Results({ options, adopted }: { options: ResultRow[]; adopted?: string | null }) {
  return (
    <View className='dresults'>
      {options.map((o) => {
        const won = adopted !== undefined && adopted !== null && o.label === adopted;
        const fill = { width: `${Math.max(0, Math.min(100, o.percent))}%` } as CSSProperties;
        return (
          <View key={o.id ?? o.label} className={`dresult${won ? ' dresult--adopted' : ''}`}>
            <View className='dresult__head'>
              <Text className='dresult__label'>{won ? `✓ ${o.label}（采纳）` : o.label}</Text>
              <Text className='dresult__count'>{`${o.count} 户，${o.percent}%`}</Text>
            </View>
            <View className='dresult__bar' aria-hidden>
              <View className='dresult__fill' style={fill} />
            </View>
          </View>
        );
      })}
    </View>
  );
}
