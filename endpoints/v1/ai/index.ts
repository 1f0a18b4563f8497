import { getTraining } from '../../../src/domain/ai/getTraining.ts'
import { listModels } from '../../../src/domain/ai/listModels.ts'
import { predict } from '../../../src/domain/ai/predict.ts'
import { trainModel } from '../../../src/domain/ai/trainModel.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { ModelOut, ModelsQuery, PredictBody, PredictionOut, TrainBody, TrainingIdParams, TrainingOut, TrainQueuedOut } from './schemas.ts'
import { serializeTraining } from './serialize.ts'

/** Spec 003's AI routes: one predict interface over OpenAI, Google, Replicate and models trained here. */
export const aiRoutes = v1Router('/ai')

aiRoutes.post(
  '/predict',
  {
    summary: 'Runs a model: openai:<model>, google:<model>, replicate:<owner>/<model> or local:<name>',
    auth: 'user',
    body: PredictBody,
    responses: {
      200: PredictionOut,
      400: 'Bad model id or input, or the provider rejected the request',
      404: 'No such trained model',
      429: 'Quota or provider rate limit',
      502: 'The provider failed',
      503: 'Provider not configured, unreachable or too slow',
    },
  },
  async ({ req, user, body }) => ({ body: await predict(req, user, body) }),
)

aiRoutes.post(
  '/train',
  { summary: 'Queues training of a text classifier on training_data', auth: 'user', body: TrainBody, responses: { 200: TrainQueuedOut } },
  async ({ req, user, body }) => {
    const model = await trainModel(req, user, body)
    return { body: { training_id: String(model.id), status: 'queued', message: 'Training job queued' } }
  },
)

aiRoutes.get(
  '/train/:training_id',
  { summary: 'A training job and its metrics', auth: 'user', params: TrainingIdParams, responses: { 200: TrainingOut, 404: 'Not yours' } },
  async ({ req, params }) => ({ body: serializeTraining(await getTraining(req, params.training_id)) }),
)

aiRoutes.get(
  '/models',
  { summary: "Providers' models and the caller's trained models", auth: 'user', query: ModelsQuery, responses: { 200: ModelOut.array() } },
  async ({ req, user, query }) => ({ body: await listModels(req, user, query) }),
)
