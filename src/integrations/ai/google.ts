import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { ProviderFailedError, ProviderUnavailableError } from './providerErrors.ts'
import { providerFetch, type Completion } from './providerHttp.ts'

const GenerateContent = z.object({
  candidates: z
    .array(
      z.object({ content: z.object({ parts: z.array(z.object({ text: z.string().optional() })) }), finishReason: z.string().optional() }),
    )
    .min(1),
  usageMetadata: z
    .object({ promptTokenCount: z.number(), candidatesTokenCount: z.number().optional(), totalTokenCount: z.number() })
    .optional(),
  modelVersion: z.string().optional(),
})

/** Google's Gemini API (POST /v1beta/models/{model}:generateContent); parameters go to generationConfig. */
export async function googleComplete(model: string, prompt: string, parameters: Record<string, unknown>): Promise<Completion> {
  if (!config.GOOGLE_AI_API_KEY) throw new ProviderUnavailableError('The google provider is not configured (GOOGLE_AI_API_KEY is not set).')
  const url = `${config.GOOGLE_AI_BASE_URL.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(model)}:generateContent`
  const body = await providerFetch('google', url, {
    method: 'POST',
    headers: { 'x-goog-api-key': config.GOOGLE_AI_API_KEY },
    body: { contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig: parameters },
  })
  const parsed = GenerateContent.safeParse(body)
  if (!parsed.success) throw new ProviderFailedError('google answered an unexpected body')
  const [candidate] = parsed.data.candidates
  const usage = parsed.data.usageMetadata
  return {
    output: candidate.content.parts.map((part) => part.text ?? '').join(''),
    usage: usage
      ? { prompt_tokens: usage.promptTokenCount, completion_tokens: usage.candidatesTokenCount ?? 0, total_tokens: usage.totalTokenCount }
      : null,
    metadata: { provider_model: parsed.data.modelVersion ?? model, finish_reason: candidate.finishReason ?? null },
  }
}
