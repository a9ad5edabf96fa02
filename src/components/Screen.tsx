/**
 * The root of every page: the `page` box, drawn at the text scale (长辈版 and WeChat's font size). The
 * scale is one CSS variable, `--jl-scale`, that every size in our styles and NutUI's theme variables
 * multiply (_scale.scss); 长辈版 layouts hang off `page--elder`. A page never works the scale out itself.
 */
import type { CSSProperties, PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useTextScale } from '../utils/useTextScale';

export function Screen({ className, children }: PropsWithChildren<{ className?: string }>) {
  const { scale, elder } = useTextScale();
  // A CSS variable in a style object: Taro passes `--` keys through in both builds.
  const style = { '--jl-scale': String(scale) } as CSSProperties;
  return (
    <View className={`page${elder ? ' page--elder' : ''}${className ? ` ${className}` : ''}`} style={style}>
      {children}
    </View>
  );
}
