/**
 * The console's form rules come from the API's own request schemas: for every HQ operation with a
 * JSON body, each field's constraints (required, type, integer, min/max, length, pattern, enum,
 * item counts) as the OpenAPI document states them. Written to api/console/src/api/rules.gen.ts
 * by `npm run console:api-types`; api/console/src/api/rules.ts turns an entry into antd rules.
 */
import type { FieldSpec } from '../src/api/rules';

type Json = Record<string, unknown>;
type Spec = { -readonly [K in keyof FieldSpec]: FieldSpec[K] };

const LEAF_KEYS = ['nullable', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'minItems', 'maxItems'] as const;

/**
 * Two branches of a union naming the same field: the looser of the two, so a form never refuses
 * what one branch of the API accepts (the API still decides on the whole body).
 */
function merge(a: Spec, b: Spec): Spec {
  const out: Spec = { type: a.type === b.type ? a.type : 'any' };
  if (a.required && b.required) out.required = true;
  if (a.nullable || b.nullable) out.nullable = true;
  const lower = (k: 'minLength' | 'minimum' | 'minItems') => (a[k] !== undefined && b[k] !== undefined ? Math.min(a[k]!, b[k]!) : undefined);
  const upper = (k: 'maxLength' | 'maximum' | 'maxItems') => (a[k] !== undefined && b[k] !== undefined ? Math.max(a[k]!, b[k]!) : undefined);
  for (const k of ['minLength', 'minimum', 'minItems'] as const) if (lower(k) !== undefined) out[k] = lower(k);
  for (const k of ['maxLength', 'maximum', 'maxItems'] as const) if (upper(k) !== undefined) out[k] = upper(k);
  if (a.pattern && a.pattern === b.pattern) out.pattern = a.pattern;
  if (a.enum && b.enum) out.enum = [...new Set([...a.enum, ...b.enum])];
  return out;
}

function put(out: Record<string, Spec>, path: string, spec: Spec) {
  out[path] = out[path] ? merge(out[path], spec) : spec;
}

/** Every field of a request body by dotted path; array items are `list.*`, items' fields `list.*.name`. */
function flatten(schema: Json, path: string, required: boolean, out: Record<string, Spec>) {
  const union = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (union) {
    // A field that only some branches have is not required by the union.
    const branches = union.map((b) => {
      const part: Record<string, Spec> = {};
      flatten(b, path, required, part);
      return part;
    });
    const all = new Set(branches.flatMap((b) => Object.keys(b)));
    for (const key of all) {
      const specs = branches.map((b) => b[key]).filter(Boolean);
      let spec = specs.reduce(merge);
      if (specs.length < branches.length) spec = { ...spec, required: undefined };
      put(out, key, JSON.parse(JSON.stringify(spec)) as Spec);
    }
    return;
  }
  const type = typeof schema.type === 'string' ? (schema.type as FieldSpec['type']) : 'any';
  if (path) {
    const spec: Spec = { type };
    if (required) spec.required = true;
    for (const k of LEAF_KEYS) if (schema[k] !== undefined) (spec as Json)[k] = schema[k];
    put(out, path, spec);
  }
  if (type === 'object' && schema.properties) {
    const req = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, child] of Object.entries(schema.properties as Record<string, Json>)) flatten(child, path ? `${path}.${name}` : name, req.has(name), out);
  }
  if (type === 'array' && schema.items) flatten(schema.items as Json, `${path}.*`, true, out);
}

const HEADER = "/**\n * Generated from the API's /openapi.json by `npm run console:api-types`. Do not edit.\n * Each HQ operation's request body fields and their constraints; see rules.ts (rulesFor).\n */\n\n";

export function renderFormRules(doc: { paths: Record<string, Record<string, Json>> }): string {
  const ops: Record<string, Record<string, Spec>> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/hq/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined;
      const schema = body?.['application/json']?.schema;
      if (!schema) continue;
      const fields: Record<string, Spec> = {};
      flatten(schema, '', true, fields);
      ops[`${method.toUpperCase()} ${path}`] = fields;
    }
  }
  // One line per field: the file reads as a table and its diffs name the field that changed.
  const body = Object.entries(ops)
    .map(([op, fields]) => `  ${JSON.stringify(op)}: {\n${Object.entries(fields).map(([f, spec]) => `    ${JSON.stringify(f)}: ${JSON.stringify(spec)},\n`).join('')}  },\n`)
    .join('');
  return `${HEADER}export const REQUEST_FIELDS = {\n${body}} as const;\n`;
}
