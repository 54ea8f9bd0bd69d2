import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import './app.scss';
// Loaded with the app, not only with landing pages: a card's or poster's kept token is reported
// as a touch when the shopper signs in, on whichever page that happens.
import './services/share';
import { reportVisit } from './services/visit';

function App({ children }: PropsWithChildren) {
  // Each time the app comes to the foreground: today's visit (once a day, best effort).
  useDidShow(() => void reportVisit());
  // children is the page being rendered
  return children;
}

export default App;
