import { config } from '../../lib/config.ts'
import { providerFetchError, providerHttpError, type ProviderName } from './providerErrors.ts'

/** What every adapter answers: the text, and token usage when the provider reports it. */
export type Completion = {
  output: string
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null
  metadata: Record<string, unknown>
}

/** Error bodies of the three APIs: `{error: {message}}` (OpenAI, Google) or `{detail}` / `{error: "..."}` (Replicate). */
function errorMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'no details'
  const record = body as Record<string, unknown> // parsed JSON of unknown shape; every field read is checked
  const error = record.error
  if (typeof error === 'string') return error
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message
  return typeof record.detail === 'string' ? record.detail : 'no details'
}

/**
 * One JSON call to a provider, with the configured timeout (the whole call, body included) and the
 * shared error mapping. Keys travel only in headers and are never part of an error or log line.
 */
export async function providerFetch(
  provider: ProviderName,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown },
  deadline = AbortSignal.timeout(config.AI_PROVIDER_TIMEOUT * 1000),
): Promise<unknown> {
  try {
    const res = await fetch(url, {
      method: init.method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: deadline,
    })
    const body: unknown = await res.json().catch(() => null)
    if (!res.ok) throw providerHttpError(provider, res.status, errorMessage(body), res.headers.get('retry-after'))
    return body
  } catch (error) {
    throw providerFetchError(provider, error, config.AI_PROVIDER_TIMEOUT)
  }
}
