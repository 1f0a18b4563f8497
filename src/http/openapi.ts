import { z } from 'zod'
import { requiresSignIn, routeRegistry, type RegisteredRoute, type RouteSpec } from './routeRegistry.ts'

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] }
type Operation = Record<string, unknown>

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Redirect',
  400: 'Validation error',
  401: 'Not authenticated',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Too many requests',
  503: 'Unavailable',
}

/** OpenAPI 3.1 for every route mounted through v1Router, from the same zod schemas that parse requests. */
export function buildOpenApiDocument(info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, Operation>> = {}
  for (const route of routeRegistry) {
    const path = toOpenApiPath(route.path)
    paths[path] = { ...paths[path], [route.method]: operation(route) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Platform API',
      version: info.version,
      description:
        'Custom endpoints under /api/v1 (Innonet, HumanLink, Forum CC, AIlice, Booking + CRM). Payload also serves ' +
        'its auto-generated REST API at /api/{collection} and GraphQL at /api/graphql.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'access_token' },
      },
      schemas: { Error: errorSchema() },
    },
  }
}

/** `/events/:id` -> `/events/{id}` */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}')
}

function operation({ method, path, spec }: RegisteredRoute): Operation {
  const op: Operation = {
    summary: spec.summary,
    operationId: `${method}_${path.replace(/^\/api\//, '').replace(/[^a-zA-Z0-9]+/g, '_')}`,
    tags: spec.tags ?? [path.split('/')[3] ?? 'system'],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    responses: responses(spec),
  }
  if (spec.description) op.description = spec.description
  if (spec.upload) op.requestBody = { required: true, content: { 'multipart/form-data': { schema: uploadSchema(spec) } } }
  else if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } }
  if (requiresSignIn(spec.auth)) op.security = [{ bearerAuth: [] }, { cookieAuth: [] }]
  if (spec.auth === 'optional') op.security = [{}, { bearerAuth: [] }, { cookieAuth: [] }]
  return op
}

/** The form of an upload route: its file field (binary) beside the text fields of its body schema. */
function uploadSchema(spec: RouteSpec): JsonSchema {
  const field = spec.upload?.field ?? 'file'
  const fields = spec.body ? toSchema(spec.body, 'input') : { type: 'object', properties: {} }
  return {
    ...fields,
    type: 'object',
    properties: { [field]: { type: 'string', format: 'binary' }, ...fields.properties },
    required: [field, ...(fields.required ?? [])],
  }
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return []
  const json = toSchema(schema, 'input')
  const required = new Set(json.required ?? [])
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }))
}

function responses(spec: RouteSpec) {
  const out: Record<string, unknown> = {}
  for (const [status, schemaOrText] of Object.entries(spec.responses)) {
    const description = STATUS_TEXT[Number(status)] ?? 'Response'
    out[status] =
      typeof schemaOrText === 'string'
        ? { description: schemaOrText }
        : { description, content: { 'application/json': { schema: toSchema(schemaOrText, 'output') } } }
  }
  if (spec.body || spec.query || spec.params || spec.upload) out['400'] ??= errorResponse('Validation error')
  if (spec.upload) out['413'] ??= errorResponse('File larger than UPLOAD_MAX_BYTES, or over the storage quota')
  if (requiresSignIn(spec.auth)) out['401'] ??= errorResponse('Not authenticated')
  if (spec.auth === 'staff' || spec.auth === 'admin') out['403'] ??= errorResponse('Forbidden')
  return out
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return json
}

function errorSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['detail'],
    properties: {
      detail: { oneOf: [{ type: 'string' }, { type: 'object' }] },
      errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  }
}
