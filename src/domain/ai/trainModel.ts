import type { PayloadRequest, TypedUser } from 'payload'
import type { AiModel } from '../../payload-types.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { createQueuedModel } from './aiRecords.ts'
import { parseTrainingData } from './trainingData.ts'

export type TrainRequest = {
  model_name: string
  model_type: string
  base_model?: string
  training_data: unknown
  parameters: Record<string, unknown>
}

/** Stores the job as queued and enqueues its training in the same transaction; the outbox worker trains it. */
export async function trainModel(req: PayloadRequest, user: TypedUser, input: TrainRequest): Promise<AiModel> {
  const examples = parseTrainingData(input.training_data)
  return withTransaction(req, async () => {
    const model = await createQueuedModel(req, {
      owner: Number(user.id),
      model_name: input.model_name,
      model_type: input.model_type,
      base_model: input.base_model ?? null,
      training_data: { examples },
      parameters: input.parameters,
    })
    await enqueue(req, 'ai.train', { model_id: model.id })
    return model
  })
}
