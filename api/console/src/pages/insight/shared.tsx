/** What the 数据 pages share: loading a read with its states, the scope picker, presets, formatting and CSV export. */
import { Button, message, Segmented, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatFen } from '@common/money';
import { allGuides, allStores } from '../../api/options';
import { downloadFile } from '../../api/download';
import { currentSession } from '../../session';

export type Unit = 'count' | 'fen' | 'bp';
export interface MetricDef {
  key: string;
  label: string;
  unit: Unit;
  definition: string;
}
export type SeriesRow = Record<string, number> & { bucket: string; first: string; last: string } & Record<string, unknown>;

export const fmt = (unit: Unit, v: number): string => (unit === 'fen' ? formatFen(v) : unit === 'bp' ? `${(v / 100).toFixed(1)}%` : String(v));

/** A read with loading, error and reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    setError(null);
    setData(null);
    run().then(setData, (err: unknown) => setError(err instanceof Error ? err.message : '加载失败'));
  }, [run]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

const BEIJING_MS = 8 * 3600_000;
export const beijingToday = (): string => new Date(Date.now() + BEIJING_MS).toISOString().slice(0, 10);
export const daysBefore = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export const PRESETS = [
  { value: 'day', label: '近 30 天（按日）', days: 29 },
  { value: 'week', label: '近 12 周（按周）', days: 83 },
  { value: 'month', label: '近 12 月（按月）', days: 364 },
] as const;
export type Grain = (typeof PRESETS)[number]['value'];

export function GrainPicker({ value, onChange }: { value: Grain; onChange: (g: Grain) => void }) {
  return <Segmented options={PRESETS.map((p) => ({ value: p.value, label: p.label }))} value={value} onChange={(v) => onChange(v as Grain)} />;
}

export const rangeOf = (grain: Grain) => {
  const to = beijingToday();
  return { grain, from: daysBefore(to, PRESETS.find((p) => p.value === grain)!.days), to };
};

export interface ScopeValue {
  scope: 'chain' | 'store' | 'guide';
  id?: number;
}

export const isStoreManager = () => currentSession()?.role === 'store_manager';

/** 全渠道 (HQ-wide roles), each store and each guide the caller may see. */
export function ScopePicker({ value, onChange }: { value: ScopeValue; onChange: (v: ScopeValue) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    void Promise.all([allStores(), allGuides()]).then(
      ([stores, guides]) =>
        setOptions([
          ...(isStoreManager() ? [] : [{ value: 'chain', label: '全渠道' }]),
          ...stores.map((s) => ({ value: `store:${s.id}`, label: `门店 · ${s.name}` })),
          ...guides.map((g) => ({ value: `guide:${g.id}`, label: `导购 · ${g.name}` })),
        ]),
      () => setOptions(isStoreManager() ? [] : [{ value: 'chain', label: '全渠道' }]),
    );
  }, []);
  const current = value.scope === 'chain' ? 'chain' : `${value.scope}:${value.id}`;
  return (
    <Select
      style={{ minWidth: 220 }}
      value={options.some((o) => o.value === current) ? current : undefined}
      placeholder="选择范围"
      options={options}
      onChange={(v: string) => {
        const [scope, id] = v.split(':');
        onChange(scope === 'chain' ? { scope: 'chain' } : { scope: scope as 'store' | 'guide', id: Number(id) });
      }}
    />
  );
}

export const defaultScope = (): ScopeValue => (isStoreManager() ? { scope: 'store' } : { scope: 'chain' });

/** A query string of defined values. */
export const qs = (q: Record<string, string | number | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export function ExportButton({ path, name }: { path: string; name: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(path, name);
        } catch (err) {
          void message.error(err instanceof Error ? err.message : '导出失败');
        } finally {
          setBusy(false);
        }
      }}
    >
      导出 CSV
    </Button>
  );
}
