import type { PropsWithChildren } from 'react';
import './app.scss';
// Loaded with the app, not only with landing pages: a card's or poster's kept token is reported
// as a touch when the shopper signs in, on whichever page that happens.
import './services/share';

function App({ children }: PropsWithChildren) {
  // children is the page being rendered
  return children;
}

export default App;
