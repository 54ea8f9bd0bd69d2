/** Console display rules: money in yuan from fen, times in Beijing time whatever the browser's zone. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { formatFen } from '@common/money';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export const yuan = (fen: number): string => formatFen(fen);
export const beijing = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm:ss') : '—');

/** The wall-clock form HQ types campaign windows in (Beijing): `2026-12-01 10:00`. */
export const BEIJING_INPUT = 'YYYY-MM-DD HH:mm';
export const beijingInput = (iso: string): string => dayjs(iso).tz('Asia/Shanghai').format(BEIJING_INPUT);
/** The instant a Beijing wall-clock text names, whatever the browser's zone. */
export const fromBeijingInput = (text: string): Date => dayjs.tz(text, BEIJING_INPUT, 'Asia/Shanghai').toDate();
