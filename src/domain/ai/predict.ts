import type { PayloadRequest, TypedUser } from 'payload'
import { googleComplete } from '../../integrations/ai/google.ts'
import { openaiComplete } from '../../integrations/ai/openai.ts'
import type { Completion } from '../../integrations/ai/providerHttp.ts'
import { replicateComplete } from '../../integrations/ai/replicate.ts'
import { config } from '../../lib/config.ts'
import { AppError, BadRequestError, NotFoundError } from '../../lib/errors.ts'
import { consume, limiter } from '../../lib/rateLimit.ts'
import { insertUsage, storedClassifier } from './aiRecords.ts'
import type { AiProvider } from './statuses.ts'
import { classify } from './textClassifier.ts'

export type PredictRequest = { model_id: string; input_data: Record<string, unknown>; parameters: Record<string, unknown> }
export type Prediction = { model_id: string; output: string; metadata: Record<string, unknown> }

const MODEL_ID = /^(openai|google|replicate|local):(.+)$/

/** The prompt: input_data.prompt, else .text, else .input (the keys spec 003's examples and Replicate use). */
function promptOf(input: Record<string, unknown>): string {
  const prompt = input.prompt ?? input.text ?? input.input
  if (typeof prompt !== 'string' || prompt.length === 0) throw new BadRequestError('input_data.prompt (or text) must be a non-empty string')
  return prompt
}

async function complete(
  req: PayloadRequest,
  user: TypedUser,
  provider: AiProvider,
  model: string,
  input: PredictRequest,
): Promise<Completion> {
  if (provider === 'openai') return openaiComplete(model, promptOf(input.input_data), input.parameters)
  if (provider === 'google') return googleComplete(model, promptOf(input.input_data), input.parameters)
  if (provider === 'replicate') {
    if (!/^[\w.-]+\/[\w.-]+$/.test(model)) throw new BadRequestError('Replicate models are replicate:<owner>/<model>')
    return replicateComplete(model, input.input_data, input.parameters)
  }
  const classifier = await storedClassifier(req.payload, Number(user.id), model)
  if (!classifier) throw new NotFoundError(`No completed model named "${model}"`)
  const [label] = classify(classifier, [promptOf(input.input_data)])
  return { output: label, usage: null, metadata: { labels: classifier.labels } }
}

/**
 * One interface over every provider: quota first (429 per user and hour), then the adapter, then one usage
 * row per call whatever happened (calls, tokens where reported, latency, the error status).
 */
export async function predict(req: PayloadRequest, user: TypedUser, input: PredictRequest): Promise<Prediction> {
  const match = MODEL_ID.exec(input.model_id)
  if (!match) throw new BadRequestError('model_id must be openai:<model>, google:<model>, replicate:<owner>/<model> or local:<name>')
  const provider = match[1] as AiProvider // the regex admits only these four names
  const model = match[2]
  await consume(
    limiter('ai-predict', { points: config.AI_QUOTA_PER_HOUR, durationSeconds: 3600 }),
    String(user.id),
    (seconds) => `AI quota of ${config.AI_QUOTA_PER_HOUR} predictions per hour used up; try again in ${seconds} s.`,
  )
  const started = performance.now()
  const usage = (statusCode: number, error: string | null, tokens: Completion['usage']) =>
    insertUsage(req.payload, {
      userId: Number(user.id),
      provider,
      modelId: input.model_id,
      statusCode,
      error,
      tokens,
      latencyMs: Math.round(performance.now() - started),
    })
  try {
    const completion = await complete(req, user, provider, model, input)
    await usage(200, null, completion.usage)
    return {
      model_id: input.model_id,
      output: completion.output,
      metadata: {
        provider,
        model,
        ...completion.metadata,
        ...(completion.usage ? { usage: completion.usage } : {}),
        latency_ms: Math.round(performance.now() - started),
      },
    }
  } catch (error) {
    await usage(error instanceof AppError ? error.status : 500, error instanceof Error ? error.message : String(error), null)
    throw error
  }
}
