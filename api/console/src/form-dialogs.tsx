/**
 * The API's refusals shown where the user typed: an ApiError's issues name fields as the request
 * wrote them (`points`, `tiers.1.minGrowth`, `body.code`); each goes next to the form field of that
 * name. What names no field of the form is shown as a message, so nothing is refused silently.
 */
import { Form, Modal, message, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api/client';

/** `body.tiers.1.minGrowth` → ['tiers', 1, 'minGrowth']. */
export const fieldPath = (field: string): (string | number)[] =>
  field
    .replace(/^(body|query|params)\./, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts the API's field issues on the form; anything else becomes a message. `rename` maps an API
 * field to the form's own where they differ (the API takes `cashFen`, the form asks for yuan).
 */
export function showRefusal(form: FormInstance, err: unknown, rename: Record<string, string> = {}): void {
  if (err instanceof ApiError && err.issues.length) {
    const issues = err.issues.map((i) => ({ ...i, field: rename[fieldPath(i.field).join('.')] ?? i.field }));
    const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const known = issues.filter((i) => registered.has(fieldPath(i.field).join('.')));
    form.setFields(known.map((i) => ({ name: fieldPath(i.field), errors: [i.message] })));
    const rest = issues.filter((i) => !known.includes(i));
    if (rest.length || !known.length) message.error(rest.length ? `${err.message}：${rest.map((i) => `${i.field} ${i.message}`).join('；')}` : err.message);
    return;
  }
  message.error(err instanceof Error ? err.message : '保存失败');
}

/** An error for a page or card that could not load: the API's words, or a generic one. */
export const loadError = (err: unknown): string => (err instanceof Error && err.message ? err.message : '加载失败，请稍后重试');

/**
 * A form's submit: busy while it runs, the success message, then `onDone`; a refusal goes next to
 * the fields it names (see showRefusal).
 */
export function useSubmit<T>(form: FormInstance, work: (values: T) => Promise<unknown>, opts: { success?: string; onDone?: () => void; rename?: Record<string, string> } = {}) {
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await work(values);
      if (opts.success) message.success(opts.success);
      opts.onDone?.();
    } catch (err) {
      showRefusal(form, err, opts.rename);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
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
