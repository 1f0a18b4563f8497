import type { Endpoint, PayloadRequest, SanitizedCollectionConfig } from 'payload'
import { z } from 'zod'
import { NotFoundError, RequestValidationError, type FieldErrors } from '../lib/errors.ts'
import { bodyProblems } from './payloadBodyRules.ts'
import { whereProblems } from './payloadWhere.ts'
import { zodFieldErrors } from './toAppError.ts'

const MAX_INT = 2_147_483_647 // ids are Postgres `serial` (int4), and so are limits and pages worth asking for

const wholeNumber = (min: number) =>
  z.string().refine((value) => /^\d{1,10}$/.test(value) && Number(value) >= min && Number(value) <= MAX_INT, {
    error: `Enter a whole number from ${min} to ${MAX_INT}.`,
  })
const object = (example: string) => z.record(z.string(), z.unknown(), { error: `Give it as ${example}.` })
const flag = z.enum(['true', 'false'], { error: 'Enter true or false.' })
const text = z.string({ error: 'Give it once, as text.' })

/**
 * The query parameters Payload's REST API reads, as it reads them (qs-parsed). Payload itself echoes
 * `?page=abc` back or fails deep inside on `?where=abc`; here they are refused first, with a 400.
 */
const PayloadQuery = z.looseObject({
  limit: wholeNumber(0).optional(),
  page: wholeNumber(1).optional(),
  depth: wholeNumber(0).optional(),
  where: object('where[field][operator]=value').optional(),
  sort: z.union([text, z.array(text)], { error: 'Give it as field names, e.g. sort=-createdAt.' }).optional(),
  select: object('select[field]=true').optional(),
  populate: object('populate[collection][field]=true').optional(),
  joins: z.union([z.literal('false'), object('joins[field][limit]=10')]).optional(),
  locale: text.optional(),
  'fallback-locale': text.optional(),
  fallbackLocale: text.optional(),
  draft: flag.optional(),
  trash: flag.optional(),
  pagination: flag.optional(),
})

const ID_PATTERN = /^\d{1,10}$/

/** A 400 naming what is wrong ("Invalid query parameters: limit, page."), with a message per name. */
const invalid = (what: string, fields: FieldErrors) => {
  const names = Object.keys(fields)
  return new RequestValidationError(fields, `${what}${names.length > 1 ? 's' : ''}: ${names.join(', ')}.`)
}

/** JSON bodies as payloadRest read them, by the request handed to Payload (which is the `req` endpoints get). */
const jsonBodies = new WeakMap<object, Record<string, unknown>>()

export function rememberJsonBody(request: globalThis.Request, body: Record<string, unknown>): void {
  jsonBodies.set(request, body)
}

/** The body of a create or update (POST /, PATCH / and PATCH /:id), when it came as JSON. */
function writeBody(req: PayloadRequest, endpoint: Endpoint): Record<string, unknown> | undefined {
  const writes =
    (endpoint.method === 'post' && endpoint.path === '/') || (endpoint.method === 'patch' && ['/', '/:id'].includes(endpoint.path))
  return writes ? jsonBodies.get(req) : undefined
}

/**
 * Checks a request to one of Payload's REST endpoints before it runs: its query parameters, the fields of
 * a create or update (known, and of the right kind), the id in its path (ids are whole numbers), and that a versions route belongs to
 * a collection that keeps versions.
 */
export function assertPayloadRequest(req: PayloadRequest, endpoint: Endpoint, collection: SanitizedCollectionConfig | undefined): void {
  const query = PayloadQuery.safeParse(req.query ?? {})
  if (!query.success) throw invalid('Invalid query parameter', zodFieldErrors(query.error))
  if (!collection) return
  const where = query.data.where ? whereProblems(query.data.where, collection.flattenedFields) : []
  if (where.length > 0) throw new RequestValidationError({ where }, `Invalid where: ${where[0]}`)
  if (endpoint.path.startsWith('/versions') && !collection.versions)
    throw new NotFoundError(`The ${collection.slug} collection keeps no versions.`)
  const body = writeBody(req, endpoint)
  const problems = body ? bodyProblems(body, collection) : {}
  if (Object.keys(problems).length > 0) throw invalid('Invalid field', problems)
  const id = req.routeParams?.id
  const numericIds = !req.payload.collections[collection.slug]?.customIDType
  if (numericIds && typeof id === 'string' && !(ID_PATTERN.test(id) && Number(id) <= MAX_INT)) {
    const message = `The id in the path must be a whole number from 1 to ${MAX_INT}.`
    throw new RequestValidationError({ id: [message] }, message)
  }
}
