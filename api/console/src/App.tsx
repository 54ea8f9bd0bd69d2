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
const MemberDetail = lazy(() => import('./pages/members/MemberDetail'));
const PointsSettings = lazy(() => import('./pages/members/PointsSettings'));
const PointsConsistency = lazy(() => import('./pages/members/Consistency'));
const MallItems = lazy(() => import('./pages/mall/MallItems'));
const Stores = lazy(() => import('./pages/guides/Stores'));
const PickupDesk = lazy(() => import('./pages/pickup/PickupDesk'));
const Guides = lazy(() => import('./pages/guides/Guides'));
const AttributionRules = lazy(() => import('./pages/guides/AttributionRules'));
const MemberList = lazy(() => import('./pages/members/MemberList'));
const Subscriptions = lazy(() => import('./pages/members/Subscriptions'));
const Segments = lazy(() => import('./pages/members/Segments'));
const Redemptions = lazy(() => import('./pages/mall/Redemptions'));
const GuideCommission = lazy(() => import('./pages/guides/GuideCommission'));
const CommissionRates = lazy(() => import('./pages/guides/CommissionRates'));
const Accounts = lazy(() => import('./pages/system/Accounts'));
const AuditLog = lazy(() => import('./pages/system/AuditLog'));
const Jobs = lazy(() => import('./pages/system/Jobs'));
const PosKeys = lazy(() => import('./pages/pos/PosKeys'));
const OfflineSales = lazy(() => import('./pages/pos/OfflineSales'));
const PosSettings = lazy(() => import('./pages/pos/PosSettings'));
const InsightTrends = lazy(() => import('./pages/insight/Trends'));
const InsightFunnel = lazy(() => import('./pages/insight/Funnel'));
const InsightLeaderboard = lazy(() => import('./pages/insight/Leaderboard'));
const InsightAlerts = lazy(() => import('./pages/insight/Alerts'));
const InsightRoi = lazy(() => import('./pages/insight/Roi'));
const InsightDefinitions = lazy(() => import('./pages/insight/Definitions'));

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
          <Route path="/insight/trends" element={<InsightTrends />} />
          <Route path="/insight/funnel" element={<InsightFunnel />} />
          <Route path="/insight/leaderboard" element={<InsightLeaderboard />} />
          <Route path="/insight/alerts" element={<InsightAlerts />} />
          <Route path="/insight/roi" element={<InsightRoi />} />
          <Route path="/insight/definitions" element={<InsightDefinitions />} />
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
          <Route path="/members/:id" element={<MemberDetail />} />
          <Route path="/members/settings" element={<PointsSettings />} />
          <Route path="/insight/segments" element={<Segments />} />
          <Route path="/members/consistency" element={<PointsConsistency />} />
          <Route path="/mall/items" element={<MallItems />} />
          <Route path="/guides/stores" element={<Stores />} />
          <Route path="/guides/pickup" element={<PickupDesk />} />
          <Route path="/guides/list" element={<Guides />} />
          <Route path="/guides/attribution" element={<AttributionRules />} />
          <Route path="/members/list" element={<MemberList />} />
          <Route path="/members/subscriptions" element={<Subscriptions />} />
          <Route path="/mall/redemptions" element={<Redemptions />} />
          <Route path="/guides/:id/commission" element={<GuideCommission />} />
          <Route path="/guides/rates" element={<CommissionRates />} />
          <Route path="/system/accounts" element={<Accounts />} />
          <Route path="/system/audit" element={<AuditLog />} />
          <Route path="/system/jobs" element={<Jobs />} />
          <Route path="/pos/keys" element={<PosKeys />} />
          <Route path="/pos/sales" element={<OfflineSales />} />
          <Route path="/pos/settings" element={<PosSettings />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
