/**
 * 批量发货 CSV, parsed in the browser: 订单号, 快递公司 (code such as SF or the name 顺丰速运),
 * 运单号 — one order a line, a header line optional. Each line becomes a row that is either ready
 * to ship or carries the reason it cannot be; the page then ships the ready rows one by one
 * through the same route as a single 发货, so every row reports the API's own answer.
 * Parsing here (not on the server) keeps one write route and lets the operator fix a file before
 * anything is sent.
 */
import { CARRIERS, type CarrierCode } from '@common/order/carriers';

export interface ShipRow {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  orderNo: string;
  carrier: CarrierCode | null;
  trackingNo: string;
  /** Why this row cannot be shipped as written; null when it is ready. */
  error: string | null;
}

export const MAX_SHIP_ROWS = 500;
/** The API's rule for a tracking number (orders.schema ShipBody), so a row it would refuse is flagged here. */
const TRACKING = /^[A-Za-z0-9-]{1,64}$/;

/** Splits one CSV line, honouring double quotes ("a,b" and "" inside quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\t') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function carrierOf(text: string): CarrierCode | null {
  const t = text.trim();
  return CARRIERS.find((c) => c.code === t.toUpperCase() || c.name === t)?.code ?? null;
}

export function parseShipCsv(text: string): ShipRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: ShipRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const [orderNo = '', carrierText = '', trackingNo = ''] = splitCsvLine(raw);
    if (i === 0 && /订单号|order/i.test(orderNo)) return; // the header line
    const carrier = carrierOf(carrierText);
    let error: string | null = null;
    if (!orderNo) error = '缺少订单号';
    else if (!carrierText) error = '缺少快递公司';
    else if (!carrier) error = `不支持的快递公司「${carrierText}」`;
    else if (!trackingNo) error = '缺少运单号';
    else if (!TRACKING.test(trackingNo)) error = '运单号只能包含字母、数字和短横线（最多 64 位）';
    else if (seen.has(orderNo)) error = `与第 ${seen.get(orderNo)} 行订单号重复`;
    if (orderNo && !seen.has(orderNo)) seen.set(orderNo, i + 1);
    rows.push({ line: i + 1, orderNo, carrier, trackingNo, error });
  });
  return rows;
}
