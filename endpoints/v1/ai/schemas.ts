import { z } from 'zod'

const record = z.record(z.string(), z.unknown())

export const PredictBody = z.object({
  model_id: z.string().trim().min(3).max(300),
  input_data: record,
  parameters: record.default({}),
})

export const TrainBody = z.object({
  model_name: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,100}$/, 'Use letters, digits, dots, dashes and underscores (at most 100).'),
  model_type: z.string().trim().min(1).max(50).default('text'),
  base_model: z.string().trim().max(200).optional(),
  training_data: record,
  parameters: record.default({}),
})

export const ModelsQuery = z.object({
  model_type: z.string().trim().max(50).optional(),
  provider: z.enum(['openai', 'google', 'replicate', 'local']).optional(),
})

export const TrainingIdParams = z.object({ training_id: z.coerce.number().int().positive() })

export const PredictionOut = z.object({
  model_id: z.string(),
  output: z.string(),
  metadata: z.object({ provider: z.string() }).loose(),
})

export const TrainQueuedOut = z.object({ training_id: z.string(), status: z.literal('queued'), message: z.string() })

export const TrainingOut = z.object({
  training_id: z.string(),
  model_id: z.string(),
  model_name: z.string(),
  model_type: z.string(),
  base_model: z.string().nullable(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  metrics: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
})

export const ModelOut = z
  .object({ id: z.string(), name: z.string(), provider: z.string(), model_type: z.string(), available: z.boolean() })
  .loose()
