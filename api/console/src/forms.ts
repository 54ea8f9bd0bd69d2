/**
 * Form helpers shared by the console's pages: the API's refusals land next to the field they name
 * (the same field a form rule would mark), and money typed in yuan becomes fen exactly.
 */
import type { FormInstance } from 'antd';
import { message } from 'antd';
import type { Rule } from 'antd/es/form';
import { fenToYuanString, parseYuan } from '@common/money';
import { useState } from 'react';
import { ApiError } from './api/client';
import { fieldPath } from './field-path';

/**
 * Puts each issue of an ApiError on the field it names (the form rule's own place), and says the
 * error once above as well — an issue for a field the form does not show (or an error that names
 * none) is still read.
 */
export function showApiError(form: FormInstance | null, err: unknown, rename: Record<string, string> = {}): void {
  const text = err instanceof Error ? err.message : '操作失败，请稍后再试';
  if (!(err instanceof ApiError) || !err.issues.length || !form) {
    message.error(text);
    return;
  }
  form.setFields(err.issues.map((i) => ({ name: fieldPath(i.field, rename), errors: [i.message || text] })));
  form.scrollToField(fieldPath(err.issues[0].field, rename));
  message.error(err.issues.some((i) => i.message && i.message !== text) ? `${text}：${err.issues.map((i) => i.message).filter(Boolean).join('；')}` : text);
}

/** Fen for what an operator typed in yuan; throws on text that is not money (the form rule stops it first). */
export function toFen(text: string | number | null | undefined): number {
  const fen = parseYuan(String(text ?? ''));
  if (fen === null) throw new Error(`not an amount: ${text}`);
  return fen;
}

/** The same fen as yuan text for a form field ('' for null). */
export const toYuanText = (fen: number | null | undefined): string => (fen == null ? '' : fenToYuanString(fen));

/** A yuan amount field: at most two decimals, optionally required and above zero. */
export function yuanRules(opts: { required?: boolean; min?: number } = {}): Rule[] {
  return [
    ...(opts.required ? [{ required: true, message: '请输入金额' }] : []),
    {
      validator: async (_r, v: unknown) => {
        if (v === undefined || v === null || v === '') return;
        const fen = parseYuan(String(v));
        if (fen === null) throw new Error('请输入金额，最多两位小数');
        if (opts.min !== undefined && fen < opts.min) throw new Error(`不能低于 ${fenToYuanString(opts.min)} 元`);
      },
    },
  ];
}

/** The same error with its fields placed under `prefix` (a SKU row's own route answers for `skus.3`). */
export function underField(err: unknown, prefix: string): unknown {
  if (!(err instanceof ApiError)) return err;
  const issues = err.issues.length ? err.issues : [{ field: '', message: err.message }];
  return new ApiError(err.status, err.code, err.message, issues.map((i) => ({ field: i.field ? `${prefix}.${i.field}` : prefix, message: i.message })));
}

/**
 * A form's submit with its busy flag: runs `save`, and on a refusal puts the API's issues on the
 * fields (showApiError). The form stays as typed either way.
 */
export function useSubmit<T>(form: FormInstance, save: (values: T) => Promise<void>, rename: Record<string, string> = {}): [boolean, (values: T) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await save(values);
    } catch (err) {
      showApiError(form, err, rename);
    } finally {
      setBusy(false);
    }
  };
  return [busy, submit];
}
