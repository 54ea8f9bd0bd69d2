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
const ProductList = lazy(() => import('./pages/products/ProductList'));
const ProductEdit = lazy(() => import('./pages/products/ProductEdit'));
const Categories = lazy(() => import('./pages/products/Categories'));
const Banners = lazy(() => import('./pages/products/Banners'));
const OrderDetail = lazy(() => import('./pages/orders/OrderDetail'));
const BatchShip = lazy(() => import('./pages/orders/BatchShip'));
const Refunds = lazy(() => import('./pages/orders/Refunds'));
const CampaignList = lazy(() => import('./pages/campaigns/CampaignList'));
const CouponTemplates = lazy(() => import('./pages/coupons/CouponTemplates'));
const NewMemberPack = lazy(() => import('./pages/coupons/NewMemberPack'));

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
          <Route path="/products" element={<ProductList />} />
          <Route path="/products/:id" element={<ProductEdit />} />
          <Route path="/catalogue/categories" element={<Categories />} />
          <Route path="/catalogue/banners" element={<Banners />} />
          <Route path="/orders/:id" element={<OrderDetail />} />
          <Route path="/orders/batch-ship" element={<BatchShip />} />
          <Route path="/orders/refunds" element={<Refunds />} />
          <Route path="/campaigns" element={<CampaignList />} />
          <Route path="/coupons" element={<CouponTemplates />} />
          <Route path="/coupons/new-member-pack" element={<NewMemberPack />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
