import type { GraphQLError } from 'graphql'
import { APIError, formatErrors, ValidationError, type AfterErrorHook, type ErrorResult, type PayloadRequest } from 'payload'
import { AppError, TooManyRequestsError, type FieldErrors } from '../lib/errors.ts'
import { logger } from '../lib/logger.ts'
import { toAppError } from './toAppError.ts'

/** A client error as Payload's interfaces report it: the status, and a body in Payload's own shape. */
export type PayloadClientError = { status: number; body: ErrorResult; retryAfterSeconds?: number }

/**
 * How auto REST and GraphQL answer an error: the status comes from the same mapping as /api/v1's
 * (toAppError: Payload's QueryError and ValidationError, Postgres data exceptions such as 22P02 and
 * 22003, our AppErrors), the body keeps Payload's `{errors: [{message, name?, data?}]}`. Undefined for a
 * server failure, which Payload answers itself ("Something went wrong.") and which is logged at error.
 */
export function payloadClientError(error: unknown): PayloadClientError | undefined {
  const mapped = toAppError(error)
  if (mapped.status >= 500) return undefined
  const retryAfterSeconds = mapped instanceof TooManyRequestsError ? mapped.retryAfterSeconds : undefined
  return { status: mapped.status, body: bodyOf(error, mapped), retryAfterSeconds }
}

function bodyOf(error: unknown, mapped: AppError): ErrorResult {
  // Payload's own errors keep their body: the admin panel reads a ValidationError's paths, QueryError names its.
  const payloadOwn = error instanceof APIError && !(error instanceof AppError)
  if (payloadOwn && error.status === mapped.status && (error instanceof ValidationError || error.data)) return formatErrors(error)
  if (mapped.fields) return { errors: [{ name: 'ValidationError', message: mapped.message, data: { errors: fieldList(mapped.fields) } }] }
  return { errors: [{ message: mapped.message }] }
}

const fieldList = (fields: FieldErrors) =>
  Object.entries(fields).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))

/** The REST answer to a client error (CORS headers are added by Payload's handler). */
export function payloadErrorResponse({ status, body, retryAfterSeconds }: PayloadClientError): Response {
  return Response.json(body, { status, headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined })
}

/** A rejected request is the client's doing: logged at debug (the access line has its status), never at error. */
export function logRejected(reqId: string | undefined, client: PayloadClientError): void {
  logger.debug({ reqId, status: client.status, detail: client.body.errors[0]?.message }, 'request rejected')
}

/** Our request id, which toWebRequest hands to Payload's request. */
export const requestIdOf = (req: Pick<PayloadRequest, 'headers'>) => req.headers?.get('x-request-id') ?? undefined

/**
 * Payload's afterError hook: GraphQL errors get the mapped status and message in Payload's shape (their
 * `extensions.statusCode`), and are logged here by level (Payload's own logging of GraphQLError is off:
 * it would log every rejected query at error). On REST the endpoint guard has answered client errors
 * already; what reaches this is mapped all the same.
 */
export const reportPayloadError: AfterErrorHook = ({ error, graphqlResult, req }) => {
  // cast: on GraphQL, Payload passes the GraphQLError that wraps what the resolver threw.
  const original = graphqlResult ? ((error as GraphQLError).originalError ?? error) : error
  const client = payloadClientError(original)
  if (!client) {
    if (graphqlResult) logger.error({ err: original, reqId: requestIdOf(req) }, 'GraphQL operation failed')
    return
  }
  logRejected(requestIdOf(req), client)
  if (!graphqlResult) return { response: client.body, status: client.status }
  const [first] = client.body.errors
  return {
    graphqlResult: {
      ...graphqlResult,
      message: first?.message ?? graphqlResult.message,
      extensions: { ...graphqlResult.extensions, name: first?.name, data: first?.data, statusCode: client.status },
    },
  }
}

/**
 * Payload's log levels by error name: GraphQL errors are logged by reportPayloadError instead. (Payload's
 * type names only its own errors; its lookup takes any name.)
 */
const levelsByName: Record<string, false> = { GraphQLError: false }
export const payloadLoggingLevels = levelsByName
