/**
 * CSV exports of the metrics' tables and charts: UTF-8 with a BOM (Excel opens it), money in
 * yuan, rates in percent. Each is an async generator of lines turned into a stream, so rows are
 * written as they are read and nothing is built in memory.
 */
import { Readable } from 'node:stream';
import { CSV_BOM, csvLine } from '@common/attribution/settlement';
import { METRICS, type MetricDefinition, type MetricKey } from '@common/metrics/definitions';
import { fenToYuanString } from '@common/money';

export function formatValue(unit: MetricDefinition['unit'], v: number): string {
  if (unit === 'fen') return fenToYuanString(v);
  if (unit === 'bp') return `${(v / 100).toFixed(2)}%`;
  return String(v);
}

/** A stream of a header line and then one line per row, each written when its row arrives. */
export function csvStream<T>(headers: readonly string[], rows: AsyncIterable<T> | Iterable<T>, line: (row: T) => (string | number)[]): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(headers);
    for await (const r of rows) yield csvLine(line(r));
  }
  return Readable.from(lines());
}

export const SERIES_HEADERS = ['周期', '开始', '结束', ...METRICS.map((m) => m.label)];
export function seriesLine(r: { bucket: string; first: string; last: string } & Record<MetricKey, number>): (string | number)[] {
  return [r.bucket, r.first, r.last, ...METRICS.map((m) => formatValue(m.unit, r[m.key]))];
}
