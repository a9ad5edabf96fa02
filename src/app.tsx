import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // The pages do their own loading; the app shell only carries the global styles.
  return children;
}

export default App;
