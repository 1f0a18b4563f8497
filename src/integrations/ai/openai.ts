import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { ProviderFailedError, ProviderUnavailableError } from './providerErrors.ts'
import { providerFetch, type Completion } from './providerHttp.ts'

const ChatCompletion = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }), finish_reason: z.string().nullish() })).min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).optional(),
})

/** OpenAI's Chat Completions API (POST /chat/completions): the prompt as one user message. */
export async function openaiComplete(model: string, prompt: string, parameters: Record<string, unknown>): Promise<Completion> {
  if (!config.OPENAI_API_KEY) throw new ProviderUnavailableError('The openai provider is not configured (OPENAI_API_KEY is not set).')
  const body = await providerFetch('openai', `${config.OPENAI_BASE_URL.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.OPENAI_API_KEY}` },
    body: { ...parameters, model, messages: [{ role: 'user', content: prompt }] },
  })
  const parsed = ChatCompletion.safeParse(body)
  if (!parsed.success) throw new ProviderFailedError('openai answered an unexpected body')
  const [choice] = parsed.data.choices
  return {
    output: choice.message.content ?? '',
    usage: parsed.data.usage ?? null,
    metadata: { provider_model: parsed.data.model ?? model, response_id: parsed.data.id, finish_reason: choice.finish_reason ?? null },
  }
}
