/**
 * The OpenAPI 3 document, generated from the same route declarations and zod schemas the server
 * enforces (http/api-router.ts), served at /openapi.json.
 */
import { z, type ZodType } from 'zod';
import type { AnyRouteDef } from '../http/api-router';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const toSchema = (schema: ZodType): JsonSchema =>
  z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    // zod leaves the default of a transforming schema (a decimal query parameter) out of the
    // input document; a default stated in .meta() is put back.
    override: ({ zodSchema, jsonSchema }) => {
      const dflt = (z.globalRegistry.get(zodSchema) as { default?: unknown } | undefined)?.default;
      if (dflt !== undefined) jsonSchema.default = dflt;
    },
  }) as JsonSchema;

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } } });

export function buildOpenApi(defs: AnyRouteDef[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of defs) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const secured = def.access !== 'public';
    paths[path] ??= {};
    paths[path][def.method] = {
      tags: [def.tag],
      summary: def.summary,
      ...(secured ? { security: [{ [typeof def.access === 'object' ? 'hq' : def.access]: [] }] } : {}),
      // x-hq-roles: machine-readable for the console and for the test that tries every HQ route as every role.
      ...(typeof def.access === 'object' ? { description: `HQ roles: ${def.access.hq.join(', ')}`, 'x-hq-roles': [...def.access.hq] } : {}),
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(def.body) } } } } : {}),
      responses: {
        [String(def.status ?? 200)]: {
          description: 'OK',
          content: def.produces ? { [def.produces]: { schema: { type: 'string' } } } : { 'application/json': { schema: { $ref: '#/components/schemas/Success' } } },
        },
        '400': errorResponse('VALIDATION_FAILED or another caller error; `field` names the input'),
        ...(secured ? { '401': errorResponse('UNAUTHENTICATED / SESSION_EXPIRED'), '403': errorResponse('FORBIDDEN') } : {}),
        ...(def.params ? { '404': errorResponse('not found (or not visible to this caller)') } : {}),
        ...(def.rateLimit ? { '429': { ...errorResponse('RATE_LIMITED: too many requests from this member or address; wait Retry-After seconds'), headers: { 'Retry-After': { description: 'seconds until a retry may pass', schema: { type: 'integer', minimum: 1 } } } } } : {}),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Loopmall API', version },
    // By path, whatever order the modules registered their routes in (the module list may change).
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    components: {
      securitySchemes: {
        shopper: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/auth/wechat-login' },
        hq: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/hq/auth/login' },
        guide: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/sidebar/login (WeCom web login)' },
      },
      schemas: {
        Success: { type: 'object', required: ['ok', 'data'], properties: { ok: { type: 'boolean', enum: [true] }, data: {} } },
        Failure: {
          type: 'object',
          required: ['ok', 'code', 'message'],
          properties: {
            ok: { type: 'boolean', enum: [false] },
            code: { type: 'string' },
            message: { type: 'string' },
            field: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
}
