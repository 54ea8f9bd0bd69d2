/**
 * A guide's monthly commission settlement: which ledger entries count, and the CSV HQ's finance
 * team opens in Excel (Chinese headers, UTF-8 with a BOM, amounts in yuan). Pure; the API streams
 * the lines it builds here.
 */
import { fenToYuanString } from '../money';

export type CommissionEntryKind = 'held' | 'released' | 'reversed_held' | 'reversed_released';

export const COMMISSION_KIND_LABELS: Record<CommissionEntryKind, string> = {
  held: '计提（冻结）',
  released: '确认收货释放',
  reversed_held: '退款冲回（冻结中）',
  reversed_released: '退款冲回（已释放）',
};

/** One ledger row as HQ lists it. Money in fen. */
export interface CommissionEntryDto {
  id: number;
  orderId: number;
  orderNo: string | null;
  kind: CommissionEntryKind;
  amountFen: number;
  createdAt: string;
}

/**
 * What an entry adds to the month's payable: released commission is paid, a reversal of released
 * commission is taken back; held amounts (and their reversals) are not payable yet.
 */
export function settlementEffect(kind: CommissionEntryKind, amountFen: number): number {
  if (kind === 'released') return amountFen;
  if (kind === 'reversed_released') return -amountFen;
  return 0;
}

/** `YYYY-MM` of Beijing time → the UTC instants [first day 00:00 +08:00, next month's). */
export function beijingMonth(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const from = new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(mo === 12 ? y + 1 : y, mo === 12 ? 0 : mo, 1) - 8 * 3_600_000);
  return { from, to };
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

export const SETTLEMENT_HEADERS = ['时间（北京时间）', '订单号', '类型', '佣金变动（元）', '计入结算（元）'];

/**
 * One CSV line (CRLF). A field with a comma, quote or line break is quoted; a field that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark so it stays text.
 */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields
    .map((f) => {
      let s = String(f);
      if (typeof f === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

/** A ledger row of the settlement CSV; `beijingTime` is the entry's time already in Beijing time. */
export function settlementRow(e: Pick<CommissionEntryDto, 'orderNo' | 'orderId' | 'kind' | 'amountFen'>, beijingTime: string): string {
  const sign = e.kind.startsWith('reversed') ? -1 : 1;
  return csvLine([beijingTime, e.orderNo ?? `#${e.orderId}`, COMMISSION_KIND_LABELS[e.kind], fenToYuanString(sign * e.amountFen), fenToYuanString(settlementEffect(e.kind, e.amountFen))]);
}

/** The closing line: the month's payable. */
export function settlementTotal(month: string, guideName: string, payableFen: number): string {
  return csvLine([`${month} 合计`, guideName, '应结算佣金', '', fenToYuanString(payableFen)]);
}
