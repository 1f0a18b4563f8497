import type { Payload } from 'payload'
import { z } from 'zod'
import { logger } from '../../lib/logger.ts'
import { claimQueuedModel, completeModel, failModel } from './aiRecords.ts'
import { trainTextClassifier } from './textClassifier.ts'
import { parseTrainingData } from './trainingData.ts'

const Options = z.object({
  steps: z.coerce.number().int().min(10).max(20_000).default(1000),
  learning_rate: z.coerce.number().positive().max(10).default(0.5),
})

/** The outbox handler of `ai.train`: queued -> running -> completed (with held-out accuracy) or failed. */
export async function runTraining(payload: Payload, modelId: number): Promise<void> {
  const claimed = await claimQueuedModel(payload, modelId)
  if (!claimed) return // already trained (a redelivered message)
  try {
    const options = Options.parse(claimed.parameters ?? {})
    const outcome = trainTextClassifier(parseTrainingData(claimed.training_data), {
      steps: options.steps,
      learningRate: options.learning_rate,
    })
    await completeModel(payload, modelId, outcome.classifier, outcome.accuracy, {
      accuracy: outcome.accuracy,
      train_size: outcome.trainSize,
      test_size: outcome.testSize,
      labels: outcome.classifier.labels,
      vocabulary_size: outcome.classifier.vocabulary.length,
      algorithm: 'tf-idf + one-vs-all logistic regression (ml-logistic-regression)',
    })
  } catch (error) {
    // A training failure is the job's outcome, not a delivery failure: recorded on the job, not retried.
    logger.warn({ err: error, modelId }, 'ai training failed')
    await failModel(payload, modelId, error instanceof Error ? error.message : String(error))
  }
}
