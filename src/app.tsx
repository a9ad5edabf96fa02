import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import { loadNoticeTemplates } from './services/subscribe';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // The pages do their own loading. The shell carries the global styles and, each time the app comes to the
  // front, refreshes the subscribe templates a tap asks for: they must be on the phone before the tap (services/subscribe.ts).
  useDidShow(() => void loadNoticeTemplates());
  return children;
}

export default App;
