/** Campaign windows are entered and shown in Asia/Shanghai, stored in UTC. */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export const CAMPAIGN_TZ = 'Asia/Shanghai';
/** The format HQ types a window in: Shanghai wall-clock time. */
export const LOCAL_FORMAT = 'YYYY-MM-DD HH:mm';
const LOCAL_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** `2026-12-01 10:00` (Shanghai) → the UTC instant, or null when it is not a real time. */
export function parseShanghai(text: string): Date | null {
  if (!LOCAL_RE.test(text)) return null;
  const d = dayjs.tz(text, LOCAL_FORMAT, CAMPAIGN_TZ);
  // A strict round trip refuses 2026-02-30 and 24:61, which dayjs would roll over.
  if (!d.isValid() || d.format(LOCAL_FORMAT) !== text) return null;
  return d.toDate();
}

export function formatShanghai(d: Date): string {
  return dayjs(d).tz(CAMPAIGN_TZ).format(LOCAL_FORMAT);
}
