/** A training job moves forward only: queued -> running -> completed | failed. */
export const TRAINING_STATUSES = ['queued', 'running', 'completed', 'failed'] as const
export type TrainingStatus = (typeof TRAINING_STATUSES)[number]

export const AI_PROVIDERS = ['openai', 'google', 'replicate', 'local'] as const
export type AiProvider = (typeof AI_PROVIDERS)[number]
