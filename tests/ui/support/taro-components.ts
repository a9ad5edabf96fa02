/**
 * @tarojs/components for jsdom: the web-component wrappers for everything, overridden by the
 * plain React implementations of the components our pages use (the wrappers need a browser's
 * custom elements; mapping the whole package directly hits a circular import).
 */
export * from '@tarojs/components/lib/react';
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js';
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js';
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js';
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js';
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js';

// Taro ships no plain React Textarea (only the web component, which needs a real browser's
// custom elements): this one behaves like it for the pages — a <textarea> whose input event
// carries `detail.value`.
export { Textarea } from './textarea';
