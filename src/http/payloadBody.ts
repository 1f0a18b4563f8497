import { addDataAndFileToRequest, type PayloadRequest } from 'payload'
import type { z } from 'zod'
import { RequestValidationError } from '../lib/errors.ts'
import { zodFieldErrors } from './toAppError.ts'

/** The body of a request to one of our Payload endpoints (JSON or the admin's form data), parsed by `schema`. */
export async function payloadBody<T extends z.ZodType>(req: PayloadRequest, schema: T): Promise<z.infer<T>> {
  await addDataAndFileToRequest(req)
  const parsed = schema.safeParse(req.data ?? {})
  if (!parsed.success) throw new RequestValidationError(zodFieldErrors(parsed.error))
  return parsed.data
}
