import { AppError, BadRequestError, TooManyRequestsError } from '../../lib/errors.ts'

export type ProviderName = 'openai' | 'google' | 'replicate'

/** 503: the provider has no key here, did not answer in time, or could not be reached. */
export class ProviderUnavailableError extends AppError {
  constructor(detail: string) {
    super(detail, 503)
  }
}

/** 502: the provider answered, but with a failure that is not the caller's fault. */
export class ProviderFailedError extends AppError {
  constructor(detail: string) {
    super(detail, 502)
  }
}

/**
 * One mapping for every provider's HTTP failures: the caller's request was wrong (400), the provider's
 * rate limit (429, with its Retry-After), the provider is down (503), anything else is a bad gateway (502).
 * Our credentials being refused is a 502 too: the caller can do nothing about it.
 */
export function providerHttpError(provider: ProviderName, status: number, message: string, retryAfter: string | null): AppError {
  const detail = `${provider} answered ${status}: ${message}`.slice(0, 500)
  if (status === 400 || status === 404 || status === 422) return new BadRequestError(detail)
  if (status === 429) return new TooManyRequestsError(Math.max(1, Number(retryAfter) || 30), detail)
  if (status === 503) return new ProviderUnavailableError(detail)
  return new ProviderFailedError(detail)
}

/** Network failures and timeouts of fetch(), as 503s that say which provider. */
export function providerFetchError(provider: ProviderName, error: unknown, timeoutSeconds: number): AppError {
  if (error instanceof AppError) return error
  // Duck-typed: fetch's DOMException may come from another realm (vm contexts), where instanceof fails.
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : ''
  if (name === 'TimeoutError' || name === 'AbortError')
    return new ProviderUnavailableError(`${provider} did not answer within ${timeoutSeconds} s`)
  return new ProviderUnavailableError(`${provider} could not be reached`)
}
