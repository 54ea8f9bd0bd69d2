/** Console display rules: money in yuan from fen, times in Beijing time whatever the browser's zone. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { formatFen } from '@common/money';

dayjs.extend(utc);
dayjs.extend(timezone);

export const yuan = (fen: number): string => formatFen(fen);
export const beijing = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm:ss') : '—');
