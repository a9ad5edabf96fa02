import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import { resumeQueued } from './services/filing-queue';
import { loadNoticeTemplates } from './services/subscribe';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // The pages do their own loading. The shell carries the global styles and, each time the app comes to the
  // front, refreshes the subscribe templates a tap asks for: they must be on the phone before the tap (services/subscribe.ts),
  // and sends again a report filing that was waiting for the network when the app closed (services/filing-queue.ts).
  useDidShow(() => {
    void loadNoticeTemplates();
    resumeQueued();
  });
  return children;
}

export default App;
