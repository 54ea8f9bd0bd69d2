/**
 * Input validation with zod. Messages come in Chinese (zod's zh-CN locale); every failure is a
 * 400 VALIDATION_FAILED that names the offending field, dotted (`skus.0.priceFen`).
 */
import { z, type ZodType } from 'zod';
import { AppError, type FieldIssue } from './app-error';

z.config(z.locales.zhCN());

export function toFieldIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    // Fields are named as the caller wrote them (`pageSize`, `skus.0.priceFen`); the part of the
    // request (`query`, `body`) only when the whole part is wrong.
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: '不支持该字段' }));
    }
    return [{ field: base || prefix, message: issue.message }];
  });
}

/** Parses `value` or throws AppError(VALIDATION_FAILED) naming each field. */
export function parseOrThrow<S extends ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', `invalid ${prefix}`, toFieldIssues(result.error, prefix));
  return result.data;
}

/** Shared building blocks for route schemas. */
export const zs = {
  id: () => z.coerce.number().int().min(1).max(2_147_483_647),
  fen: () => z.number().int().min(0).max(99_999_999),
  /** Page size is capped rather than refused: a client asking for 500 gets the maximum. */
  paging: (maxPageSize: number, dflt: number) => ({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .default(dflt)
      .transform((n) => Math.min(n, maxPageSize)),
  }),
  /** Trimmed text with no control characters. */
  text: (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '不能包含控制字符'),
};
