/**
 * Form helpers shared by the console's pages: the API's refusals land next to the field they name
 * (the same field the form rule — derived from the API's schema, api/rules.ts — would mark), money
 * typed in yuan becomes fen exactly.
 */
import type { FormInstance } from 'antd';
import { Form, Modal, message } from 'antd';
import { errorMessage } from '@common/errors';
import { fenToYuanString, parseYuan } from '@common/money';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api/client';
import { fieldPath } from './field-path';

/**
 * Puts each issue of an ApiError on the form field it names (`rename` maps the API's segment names
 * to the form's: `priceFen` → `priceYuan`), and says the error once above as well — an issue for a
 * field the form does not show (or an error that names none) is still read there, with its field.
 */
export function showApiError(form: FormInstance | null, err: unknown, rename: Record<string, string> = {}): void {
  const text = err instanceof Error && err.message ? err.message : '操作失败，请稍后再试';
  if (!(err instanceof ApiError) || !err.issues.length || !form) {
    message.error(text);
    return;
  }
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const issues = err.issues.map((i) => ({ ...i, name: fieldPath(i.field, rename) }));
  const shown = issues.filter((i) => registered.has(i.name.join('.')));
  form.setFields(shown.map((i) => ({ name: i.name, errors: [i.message || text] })));
  if (shown.length) form.scrollToField(shown[0].name);
  // The API's message repeats its first issue with the field's wire name; the code's own copy
  // heads the toast instead, followed by what no field of this form shows.
  const rest = issues.filter((i) => !shown.includes(i)).map((i) => `${i.field} ${i.message}`);
  const head = errorMessage(err.code);
  message.error(rest.length ? `${head}：${rest.join('；')}` : head);
}

/** An error for a page or card that could not load: the API's words, or a generic one. */
export const loadError = (err: unknown): string => (err instanceof Error && err.message ? err.message : '加载失败，请稍后重试');

/** Fen for what an operator typed in yuan; throws on text that is not money (the form rule stops it first). */
export function toFen(text: string | number | null | undefined): number {
  const fen = parseYuan(String(text ?? ''));
  if (fen === null) throw new Error(`not an amount: ${text}`);
  return fen;
}

/** The same fen as yuan text for a form field ('' for null). */
export const toYuanText = (fen: number | null | undefined): string => (fen == null ? '' : fenToYuanString(fen));

export interface SubmitOpts {
  /** Said when it worked. */
  success?: string;
  /** Called when it worked (close the dialog, reload the list). */
  onDone?: () => void;
  /** The API's field segment names → the form's (see showApiError). */
  rename?: Record<string, string>;
}

/**
 * A form's submit with its busy flag: runs `save`; on a refusal puts the API's issues on the
 * fields (showApiError). The form stays as typed either way (a session that expires meanwhile is
 * renewed by the client, api/client.ts, and the request carried on).
 */
export function useSubmit<T>(form: FormInstance, save: (values: T) => Promise<unknown>, opts: SubmitOpts = {}): [boolean, (values: T) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await save(values);
      if (opts.success) message.success(opts.success);
      opts.onDone?.();
    } catch (err) {
      showApiError(form, err, opts.rename);
    } finally {
      setBusy(false);
    }
  };
  return [busy, submit];
}

/** A dialog holding one vertical form: OK submits it, the form's own rules and the API's refusals show by the fields. */
export function FormDialog<T>(p: { title: string; okText?: string; form: FormInstance<T>; busy: boolean; onFinish: (v: T) => void; onClose: () => void; open?: boolean; width?: number; initialValues?: Partial<T>; children: ReactNode }) {
  return (
    <Modal open={p.open ?? true} title={p.title} okText={p.okText ?? '确定'} cancelText="取消" confirmLoading={p.busy} onOk={() => p.form.submit()} onCancel={p.onClose} width={p.width}>
      <Form form={p.form} layout="vertical" onFinish={p.onFinish} initialValues={p.initialValues}>
        {p.children}
      </Form>
    </Modal>
  );
}
