/** 概览's alert banner: the targets missed in the last 7 days (newest first, with the trend), linking to 数据 · 预警. */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { fmt } from '../insight/shared';
import type { AlertRow } from '../insight/Alerts';

export default function AlertBanner() {
  const [alerts, setAlerts] = useState<AlertRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    call<AlertRow[]>(api.GET('/api/hq/metrics/alerts', { params: { query: { days: 7 } as never } })).then(setAlerts, () => setFailed(true));
  }, []);
  if (failed) return <Alert type="warning" showIcon message="预警暂时无法加载" />;
  if (!alerts || !alerts.length) return null;
  const top = alerts.slice(0, 3);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="overview-alerts"
      message={`近 7 天有 ${alerts.length} 项指标低于目标`}
      description={
        <div>
          {top.map((a) => (
            <div key={`${a.day}-${a.scopeKind}-${a.scopeId}-${a.metric}`}>
              {a.day} {a.scopeName} {a.label} {fmt(a.unit, a.value)}（目标 {fmt(a.unit, a.target)}），趋势 {a.trend.map((t) => fmt(a.unit, t.value)).join(' → ')}
            </div>
          ))}
          <Link to="/insight/alerts">查看全部预警</Link>
        </div>
      }
    />
  );
}
