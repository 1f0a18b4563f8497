import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { ProviderFailedError, ProviderUnavailableError } from './providerErrors.ts'
import { providerFetch, type Completion } from './providerHttp.ts'

const Prediction = z.object({
  id: z.string(),
  status: z.enum(['starting', 'processing', 'succeeded', 'failed', 'canceled']),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
  urls: z.object({ get: z.string() }).optional(),
})
type Prediction = z.infer<typeof Prediction>

const POLL_MS = 250

const outputText = (output: unknown) => (Array.isArray(output) ? output.map(String).join('') : output == null ? '' : String(output))

/**
 * Replicate's predictions API for official models (POST /models/{owner}/{name}/predictions with
 * `Prefer: wait`); a prediction still running after that is polled at urls.get until the timeout.
 */
export async function replicateComplete(
  model: string,
  input: Record<string, unknown>,
  parameters: Record<string, unknown>,
): Promise<Completion> {
  if (!config.REPLICATE_API_TOKEN)
    throw new ProviderUnavailableError('The replicate provider is not configured (REPLICATE_API_TOKEN is not set).')
  const headers = { authorization: `Bearer ${config.REPLICATE_API_TOKEN}` }
  const deadline = AbortSignal.timeout(config.AI_PROVIDER_TIMEOUT * 1000)
  const base = config.REPLICATE_BASE_URL.replace(/\/+$/, '')
  const parse = (body: unknown): Prediction => {
    const parsed = Prediction.safeParse(body)
    if (!parsed.success) throw new ProviderFailedError('replicate answered an unexpected body')
    return parsed.data
  }
  let prediction = parse(
    await providerFetch(
      'replicate',
      `${base}/models/${model}/predictions`,
      { method: 'POST', headers: { ...headers, prefer: 'wait' }, body: { input: { ...input, ...parameters } } },
      deadline,
    ),
  )
  while (prediction.status === 'starting' || prediction.status === 'processing') {
    await sleep(POLL_MS, undefined, { signal: deadline }).catch(() => undefined)
    prediction = parse(
      await providerFetch(
        'replicate',
        prediction.urls?.get ?? `${base}/predictions/${prediction.id}`,
        { method: 'GET', headers },
        deadline,
      ),
    )
  }
  if (prediction.status !== 'succeeded')
    throw new ProviderFailedError(`replicate prediction ${prediction.status}: ${String(prediction.error ?? 'no details')}`.slice(0, 500))
  return {
    output: outputText(prediction.output),
    usage: null,
    metadata: { prediction_id: prediction.id, metrics: prediction.metrics ?? {} },
  }
}
