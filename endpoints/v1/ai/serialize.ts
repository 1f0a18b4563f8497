import type { AiModel } from '../../../src/payload-types.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

const asRecord = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null)

export const serializeTraining = (model: AiModel) => ({
  training_id: String(model.id),
  model_id: `local:${model.model_name}`,
  model_name: model.model_name,
  model_type: model.model_type,
  base_model: model.base_model ?? null,
  status: model.status,
  metrics: asRecord(model.metrics),
  error: model.error ?? null,
  created_at: iso(model.createdAt),
  started_at: isoOrNull(model.started_at),
  completed_at: isoOrNull(model.completed_at),
})
