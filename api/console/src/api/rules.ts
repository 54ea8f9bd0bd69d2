/**
 * Form rules derived from the API's request schemas (rules.gen.ts, generated from /openapi.json):
 * a form refuses what the API would refuse, next to the same field, and lets through what the API
 * accepts. `rulesFor('POST /api/hq/stores', 'name', { label: '门店名称' })` gives the antd rules of
 * that field; `checkField` is the same check as a pure function (the unit test runs it against the
 * real API). Rules that span fields (划线价 above 售价) stay in the forms.
 */
import type { Rule } from 'antd/es/form';
import { fenToYuanString, parseYuan } from '@common/money';
import { REQUEST_FIELDS } from './rules.gen';

export interface FieldSpec {
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

export type Operation = keyof typeof REQUEST_FIELDS;
export type FieldOf<Op extends Operation> = keyof (typeof REQUEST_FIELDS)[Op] & string;

export interface FieldOpts {
  /** The field's name in the copy (请输入门店名称). */
  label?: string;
  /** What the pattern means, for its message (1–20 位字母、数字、-、_). */
  hint?: string;
  /** The form shows another unit than the API takes: yuan for fen, percent for basis points. */
  unit?: 'yuan' | 'percent';
  /** The form asks for it although the API does not (it is required for this form's use). */
  required?: boolean;
  /** Chosen from a list (a select), so a blank one reads 请选择… */
  pick?: boolean;
  /** The value the form sends, from what was typed (member ids pasted as text → a list). */
  parse?: (value: unknown) => unknown;
}

export function fieldSpec<Op extends Operation>(op: Op, field: FieldOf<Op>): FieldSpec {
  const spec = (REQUEST_FIELDS[op] as Record<string, FieldSpec>)[field];
  if (!spec) throw new Error(`${op} has no field ${field}`);
  return spec;
}

/** Left blank: the form sends nothing for it. */
const empty = (v: unknown) => v === undefined || v === null || v === '';

/** The form value in the API's unit: fen for yuan text, basis points for a percent; null when it is not a number of that unit. */
function toApiNumber(v: unknown, unit: FieldOpts['unit']): number | null {
  if (unit === 'yuan') return parseYuan(String(v));
  const n = typeof v === 'number' ? v : /^-?\d+(\.\d+)?$/.test(String(v).trim()) ? Number(String(v).trim()) : NaN;
  if (!Number.isFinite(n)) return null;
  if (unit !== 'percent') return n;
  // 12.34% is 1234 bp despite float noise; 1.234% stays fractional and is refused as such.
  const bp = n * 100;
  return Math.abs(bp - Math.round(bp)) < 1e-6 ? Math.round(bp) : bp;
}

/** What the form sends for a value: nothing when left blank, fen for yuan, basis points for a percent. */
export function toApiValue(value: unknown, opts: FieldOpts = {}): unknown {
  if (empty(value)) return undefined;
  if (opts.parse) return opts.parse(value);
  return opts.unit ? (toApiNumber(value, opts.unit) ?? value) : value;
}

/** A number of the API's unit as the form shows it. */
function shown(n: number, unit: FieldOpts['unit']): string {
  if (unit === 'yuan') return `${fenToYuanString(n)} 元`;
  if (unit === 'percent') return `${n / 100}%`;
  return String(n);
}

/** Why the API would refuse `value` for this field (Chinese copy), or null when it would not. */
export function checkField(spec: FieldSpec, value: unknown, opts: FieldOpts = {}): string | null {
  const label = opts.label ?? '';
  if (empty(value)) {
    if ((spec.required && !spec.nullable) || opts.required) return spec.enum || opts.pick ? `请选择${label}` : `请输入${label}`;
    return null;
  }
  if (opts.parse) value = opts.parse(value);
  if (spec.enum) return spec.enum.includes(value) ? null : `请从选项中选择${label}`;
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return `${label}须为文字`;
      if (spec.minLength !== undefined && value.length < spec.minLength) return `${label}至少 ${spec.minLength} 个字`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `${label}最多 ${spec.maxLength} 个字`;
      if (spec.pattern && !new RegExp(spec.pattern).test(value)) return opts.hint ? `${label}格式不对：${opts.hint}` : `${label}格式不对`;
      return null;
    }
    case 'integer':
    case 'number': {
      const n = toApiNumber(value, opts.unit);
      if (n === null) return opts.unit === 'yuan' ? '请输入金额，最多两位小数' : `${label}须为数字`;
      if (spec.type === 'integer' && !Number.isInteger(n)) return opts.unit === 'percent' ? `${label}最多两位小数` : `${label}须为整数`;
      if (spec.minimum !== undefined && n < spec.minimum) return `${label}不能小于 ${shown(spec.minimum, opts.unit)}`;
      if (spec.maximum !== undefined && n > spec.maximum) return `${label}不能大于 ${shown(spec.maximum, opts.unit)}`;
      return null;
    }
    case 'array': {
      if (!Array.isArray(value)) return `${label}须为列表`;
      if (spec.minItems !== undefined && value.length < spec.minItems) return `${label}至少 ${spec.minItems} 项`;
      if (spec.maxItems !== undefined && value.length > spec.maxItems) return `${label}最多 ${spec.maxItems} 项`;
      return null;
    }
    default:
      return null;
  }
}

/** The antd rules of one field of an operation's body: the API's constraints with Chinese copy. */
export function rulesFor<Op extends Operation>(op: Op, field: FieldOf<Op>, opts: FieldOpts = {}): Rule[] {
  const spec = fieldSpec(op, field);
  const required = (spec.required && !spec.nullable) || !!opts.required;
  return [
    {
      // `required` only marks the label with its asterisk; the validator decides and says why.
      required,
      validator: async (_rule, value: unknown) => {
        const problem = checkField(spec, value, opts);
        if (problem) throw new Error(problem);
      },
    },
  ];
}
