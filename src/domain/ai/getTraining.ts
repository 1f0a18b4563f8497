import type { PayloadRequest } from 'payload'
import type { AiModel } from '../../payload-types.ts'

/** A training job the caller may see (their own; staff any): 404 otherwise, so others' jobs do not leak. */
export async function getTraining(req: PayloadRequest, id: number): Promise<AiModel> {
  return req.payload.findByID({ collection: 'ai-models', id, depth: 0, overrideAccess: false, req })
}
