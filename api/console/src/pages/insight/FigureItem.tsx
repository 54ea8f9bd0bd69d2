/**
 * A figure of the 数据 pages' forms (ROI plan, daily targets): typed in the unit the page shows
 * (元 for fen, % for basis points, a count as is), checked by the rule derived from the API's body
 * schema (api/rules.ts) and sent in the API's unit. The form field is named as the API's, so a
 * refusal (400 naming `joinBp`) lands on it.
 */
import { Form, InputNumber } from 'antd';
import { rulesFor, toApiValue, type FieldOf, type FieldOpts, type Operation } from '../../api/rules';
import type { Unit } from './shared';

const API_UNIT: Record<Unit, FieldOpts['unit']> = { fen: 'yuan', bp: 'percent', count: undefined };
const SUFFIX: Record<Unit, string> = { fen: '元', bp: '%', count: '' };

/** The API's value as the form shows it (null stays null: 不设). */
export const toInput = (unit: Unit, v: number | null | undefined): number | null => (v == null ? null : unit === 'count' ? v : v / 100);

/** What the form sends for a typed figure: null when left blank, fen for 元, basis points for %. */
export const fromInput = (unit: Unit, v: unknown): number | null => (toApiValue(v, { unit: API_UNIT[unit] }) as number | undefined) ?? null;

export function FigureItem<Op extends Operation>(p: { op: Op; field: FieldOf<Op>; label: string; unit: Unit; per?: string; placeholder?: string }) {
  const suffix = [SUFFIX[p.unit], p.per].filter(Boolean).join('/');
  return (
    <Form.Item name={p.field as string} label={suffix ? `${p.label}（${suffix}）` : p.label} rules={rulesFor(p.op, p.field, { label: p.label, unit: API_UNIT[p.unit] })}>
      <InputNumber precision={p.unit === 'count' ? 0 : 2} placeholder={p.placeholder} />
    </Form.Item>
  );
}
