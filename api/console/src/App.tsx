/**
 * Routes of the console. The login screen is the only part in the first chunk; the layout and
 * every page load when first opened (React.lazy), so the first screen stays small.
 */
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { LoginPage } from './pages/Login';
import { currentSession } from './session';

const ConsoleLayout = lazy(() => import('./layout/ConsoleLayout'));
const OrderList = lazy(() => import('./pages/orders/OrderList'));
const OutboxPage = lazy(() => import('./pages/system/Outbox'));
const OverviewPage = lazy(() => import('./pages/overview/Overview'));
const GuideDetailPage = lazy(() => import('./pages/guides/GuideDetail'));

function RequireSession({ children }: { children: JSX.Element }) {
  const location = useLocation();
  if (!currentSession()) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

const loading = (
  <div style={{ padding: 64, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

export function App() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <ConsoleLayout />
            </RequireSession>
          }
        >
          <Route path="/" element={<OverviewPage />} />
          <Route path="/orders" element={<OrderList />} />
          <Route path="/guides/:id" element={<GuideDetailPage />} />
          <Route path="/system/outbox" element={<OutboxPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
