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

const MAX_INT = 2_147_483_647;

/**
 * A positive integer written in plain decimal, as paths and query strings carry it. Only the
 * canonical form is accepted: `0x1`, `+1`, `1e0`, `1.0`, ` 1`, `01` and arrays (a repeated query
 * parameter) are refused rather than read as 1. The OpenAPI document still says integer.
 */
const decimal = (max: number) =>
  z
    .string({ error: '须为正整数' })
    .regex(/^[1-9][0-9]{0,9}$/, '须为正整数（十进制数字）')
    .transform(Number)
    .pipe(z.number().max(max, `不能大于 ${max}`))
    .meta(integerDoc(max));

/** What the OpenAPI document says of a decimal parameter (zod would describe the string it parses). */
const integerDoc = (max: number, dflt?: number) => ({ type: 'integer', minimum: 1, maximum: max, pattern: undefined, ...(dflt === undefined ? {} : { default: dflt }) });

/** Shared building blocks for route schemas. */
export const zs = {
  /** An id in a path or query string. */
  id: () => decimal(MAX_INT),
  /** An id in a JSON body: a JSON integer only (no `true`, `"3"`, `[2]`). */
  bodyId: () => z.number({ error: '须为整数' }).int('须为整数').min(1).max(MAX_INT),
  fen: () => z.number().int().min(0).max(99_999_999),
  /** Page size is capped rather than refused: a client asking for 500 gets the maximum. */
  paging: (maxPageSize: number, dflt: number) => ({
    page: decimal(10_000).default(1).meta(integerDoc(10_000, 1)),
    pageSize: decimal(MAX_INT)
      .default(dflt)
      .transform((n) => Math.min(n, maxPageSize))
      .meta({ ...integerDoc(MAX_INT, dflt), description: `at most ${maxPageSize} are returned` }),
  }),
  /** Trimmed text with no control characters; `min` > 0 makes it required (and says so in OpenAPI). */
  text: (max: number, min = 0) =>
    z
      .string()
      .trim()
      .min(min, min === 1 ? '不能为空' : `不能少于 ${min} 个字`)
      .max(max)
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '不能包含控制字符'),
};
