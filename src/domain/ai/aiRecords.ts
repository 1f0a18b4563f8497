import type { Payload, PayloadRequest } from 'payload'
import type { AiModel } from '../../payload-types.ts'
import { poolOf } from '../../lib/db/pool.ts'
import type { AiProvider } from './statuses.ts'
import type { StoredClassifier } from './textClassifier.ts'

/** The only writer of ai-models and ai-usage. */

export type UsageEntry = {
  userId: number
  provider: AiProvider
  modelId: string
  statusCode: number
  error: string | null
  tokens: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null
  latencyMs: number
}

export async function insertUsage(payload: Payload, entry: UsageEntry): Promise<void> {
  await poolOf(payload).query(
    `INSERT INTO ai_usage (user_id, provider, model_id, status_code, error, prompt_tokens, completion_tokens, total_tokens, latency_ms, updated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), now())`,
    [
      entry.userId,
      entry.provider,
      entry.modelId,
      entry.statusCode,
      entry.error,
      entry.tokens?.prompt_tokens ?? null,
      entry.tokens?.completion_tokens ?? null,
      entry.tokens?.total_tokens ?? null,
      entry.latencyMs,
    ],
  )
}

export function createQueuedModel(
  req: PayloadRequest,
  data: Pick<AiModel, 'model_name' | 'model_type' | 'base_model' | 'training_data' | 'parameters'> & { owner: number },
) {
  // overrideAccess: nobody creates models through REST; trainModel decided the caller may (any signed-in user).
  return req.payload.create({ collection: 'ai-models', req, overrideAccess: true, depth: 0, data: { ...data, status: 'queued' } })
}

/** queued -> running, once: a redelivered outbox message finds nothing to claim. */
export async function claimQueuedModel(payload: Payload, id: number): Promise<{ training_data: unknown; parameters: unknown } | undefined> {
  const { rows } = await poolOf(payload).query<{ training_data: unknown; parameters: unknown }>(
    `UPDATE ai_models SET status = 'running', started_at = now(), updated_at = now() WHERE id = $1 AND status = 'queued'
     RETURNING training_data, parameters`,
    [id],
  )
  return rows[0]
}

export async function completeModel(
  payload: Payload,
  id: number,
  classifier: StoredClassifier,
  accuracy: number,
  metrics: Record<string, unknown>,
): Promise<void> {
  await poolOf(payload).query(
    `UPDATE ai_models SET status = 'completed', model = $2, accuracy = $3, metrics = $4, completed_at = now(), updated_at = now()
     WHERE id = $1 AND status = 'running'`,
    [id, JSON.stringify(classifier), accuracy, JSON.stringify(metrics)],
  )
}

export async function failModel(payload: Payload, id: number, error: string): Promise<void> {
  await poolOf(payload).query(
    `UPDATE ai_models SET status = 'failed', error = $2, completed_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'`,
    [id, error.slice(0, 1000)],
  )
}

/** The stored classifier of the caller's completed model `name` (raw read: `model` is hidden from the Local API). */
export async function storedClassifier(payload: Payload, ownerId: number, name: string): Promise<StoredClassifier | undefined> {
  const { rows } = await poolOf(payload).query<{ model: StoredClassifier }>(
    `SELECT model FROM ai_models WHERE owner_id = $1 AND model_name = $2 AND status = 'completed'`,
    [ownerId, name],
  )
  return rows[0]?.model
}
