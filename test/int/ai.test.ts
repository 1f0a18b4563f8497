import { config } from '../../src/lib/config.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { FAKE_KEYS, startFakeAi, type FakeAi } from '../helpers/fakeAi.ts'
import { makeUser, unique, type TestUser } from '../helpers/factories.ts'
import { waitUntil } from '../helpers/wait.ts'

const QUOTA = 12
let app: TestApp
let fake: FakeAi

beforeAll(async () => {
  fake = await startFakeAi()
  app = await startTestApp({ env: { ...fake.env, AI_PROVIDER_TIMEOUT: '1s', AI_QUOTA_PER_HOUR: String(QUOTA) } })
})
afterAll(async () => {
  await app.stop()
  await fake.close()
})

const predict = (user: TestUser, model_id: string, prompt: string, parameters: Record<string, unknown> = {}) =>
  app.api.post('/api/v1/ai/predict/', { model_id, input_data: { prompt }, parameters }, { token: user.token })

const providers = [
  {
    provider: 'openai',
    modelId: 'openai:gpt-4',
    output: 'Hello from fake OpenAI',
    usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
    wire: (call: FakeAi['calls'][number]) => {
      expect(call.headers.authorization).toBe(`Bearer ${FAKE_KEYS.openai}`)
      expect(call.body).toEqual({ temperature: 0.2, model: 'gpt-4', messages: [{ role: 'user', content: 'Say hello' }] })
    },
  },
  {
    provider: 'google',
    modelId: 'google:gemini-pro',
    output: 'Hello from fake Gemini',
    usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 },
    wire: (call: FakeAi['calls'][number]) => {
      expect(call.path).toBe('/google/v1beta/models/gemini-pro:generateContent')
      expect(call.headers['x-goog-api-key']).toBe(FAKE_KEYS.google)
      expect(call.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }], generationConfig: { temperature: 0.2 } })
    },
  },
  {
    provider: 'replicate',
    modelId: 'replicate:meta/meta-llama-3-8b-instruct',
    output: 'Hello from fake Replicate',
    usage: undefined,
    wire: (call: FakeAi['calls'][number]) => {
      expect(call.path).toBe('/replicate/v1/models/meta/meta-llama-3-8b-instruct/predictions')
      expect(call.headers.authorization).toBe(`Bearer ${FAKE_KEYS.replicate}`)
      expect(call.headers.prefer).toBe('wait')
      expect(call.body).toEqual({ input: { prompt: 'Say hello', temperature: 0.2 } })
    },
  },
] as const

describe.each(providers)('POST /api/v1/ai/predict with $provider', ({ provider, modelId, output, usage, wire }) => {
  let user: TestUser
  beforeAll(async () => {
    user = await makeUser(app)
  })

  it("answers spec 003's body, speaking the provider's wire format, and records the usage", async () => {
    const before = fake.calls.length
    const res = await predict(user, modelId, 'Say hello', { temperature: 0.2 })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      model_id: modelId,
      output,
      metadata: expect.objectContaining({ provider, latency_ms: expect.any(Number), ...(usage ? { usage } : {}) }),
    })
    wire(fake.calls[before])
    const rows = await sqlRows<{ provider: string; status_code: string; total_tokens: string | null }>(
      app,
      'SELECT provider, status_code, total_tokens FROM ai_usage WHERE user_id = $1',
      [user.user.id],
    )
    expect(rows).toEqual([{ provider, status_code: '200', total_tokens: usage ? String(usage.total_tokens) : null }])
  })

  it('maps provider errors to 400, 429 (with Retry-After) and 502', async () => {
    const bad = await predict(user, modelId, 'fail-400')
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ detail: `${provider} answered 400: ${provider} says 400` })
    const limited = await predict(user, modelId, 'fail-429')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.body).toEqual({ detail: `${provider} answered 429: ${provider} says 429` })
    const broken = await predict(user, modelId, 'fail-500')
    expect(broken.status).toBe(502)
    expect(broken.body).toEqual({ detail: `${provider} answered 500: ${provider} says 500` })
  })

  it('answers 503 when the provider does not answer within AI_PROVIDER_TIMEOUT', async () => {
    const started = Date.now()
    const res = await predict(user, modelId, 'slow')
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ detail: `${provider} did not answer within 1 s` })
    expect(Date.now() - started).toBeLessThan(2500)
    const [errors] = await sqlRows<{ n: string }>(app, 'SELECT count(*) AS n FROM ai_usage WHERE user_id = $1 AND status_code >= 400', [
      user.user.id,
    ])
    expect(Number(errors.n)).toBe(4)
  })
})

describe('POST /api/v1/ai/predict, the rest', () => {
  it('polls a Replicate prediction that is still starting', async () => {
    const user = await makeUser(app)
    const res = await predict(user, 'replicate:meta/meta-llama-3-8b-instruct', 'poll please')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ output: 'Hello from fake Replicate', metadata: { provider: 'replicate' } })
  })

  it('answers 503 with a clear detail when a provider has no key', async () => {
    const user = await makeUser(app)
    const key = config.OPENAI_API_KEY
    config.OPENAI_API_KEY = undefined // as if OPENAI_API_KEY were unset
    try {
      const res = await predict(user, 'openai:gpt-4', 'hi')
      expect(res.status).toBe(503)
      expect(res.body).toEqual({ detail: 'The openai provider is not configured (OPENAI_API_KEY is not set).' })
    } finally {
      config.OPENAI_API_KEY = key
    }
  })

  it('rejects unknown providers and bad input with 400', async () => {
    const user = await makeUser(app)
    const res = await predict(user, 'acme:model', 'hi')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: expect.stringContaining('model_id must be') })
    const empty = await app.api.post('/api/v1/ai/predict', { model_id: 'openai:gpt-4', input_data: {} }, { token: user.token })
    expect(empty.status).toBe(400)
    expect(empty.body).toEqual({ detail: 'input_data.prompt (or text) must be a non-empty string' })
    expect((await app.api.post('/api/v1/ai/predict', { model_id: 'openai:gpt-4', input_data: { prompt: 'x' } })).status).toBe(401)
  })

  it('answers 429 once the per-user quota is used up', async () => {
    const user = await makeUser(app)
    const answers = await Promise.all(Array.from({ length: QUOTA + 3 }, () => predict(user, 'openai:gpt-4', 'hi')))
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([...Array(QUOTA).fill(200), ...Array(3).fill(429)])
    const limited = answers.find((answer) => answer.status === 429)!
    expect(limited.body).toEqual({ detail: expect.stringContaining(`AI quota of ${QUOTA} predictions per hour used up`) })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('training (POST /api/v1/ai/train) and local models', () => {
  const wordsA = ['goal', 'match', 'league', 'striker', 'coach', 'stadium', 'referee', 'penalty']
  const wordsB = ['chip', 'software', 'server', 'database', 'laptop', 'browser', 'compiler', 'cloud']
  const sentence = (words: string[], n: number) => Array.from({ length: 4 }, (_, i) => words[(n * 3 + i * 5) % words.length]).join(' ')
  const examples = Array.from({ length: 20 }, (_, n) => [
    { text: sentence(wordsA, n), label: 'sport' },
    { text: sentence(wordsB, n), label: 'tech' },
  ]).flat()
  let owner: TestUser
  let trainingId = ''
  const modelName = `topics-${unique()}`

  beforeAll(async () => {
    owner = await makeUser(app)
  })

  it('queues at once, then trains to completed with held-out accuracy', async () => {
    const res = await app.api.post(
      '/api/v1/ai/train/',
      { model_name: modelName, model_type: 'text', base_model: 'tfidf-logreg', training_data: { examples }, parameters: { steps: 500 } },
      { token: owner.token },
    )
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ training_id: expect.any(String), status: 'queued', message: 'Training job queued' })
    trainingId = String(res.body.training_id)
    const done = await waitUntil(
      async () => {
        const job = await app.api.get(`/api/v1/ai/train/${trainingId}`, { token: owner.token })
        return ['completed', 'failed'].includes(String(job.body.status)) ? job : null
      },
      { timeoutMs: 30_000 },
    )
    expect(done?.body).toEqual({
      training_id: trainingId,
      model_id: `local:${modelName}`,
      model_name: modelName,
      model_type: 'text',
      base_model: 'tfidf-logreg',
      status: 'completed',
      metrics: expect.objectContaining({ accuracy: 1, labels: ['sport', 'tech'], train_size: 30, test_size: 10 }),
      error: null,
      created_at: expect.any(String),
      started_at: expect.any(String),
      completed_at: expect.any(String),
    })
  })

  it('predicts with the trained model (local:<name>) and records the call', async () => {
    const sport = await predict(owner, `local:${modelName}`, 'the striker and the referee at the stadium')
    expect(sport.status).toBe(200)
    expect(sport.body).toEqual({
      model_id: `local:${modelName}`,
      output: 'sport',
      metadata: expect.objectContaining({ provider: 'local', labels: ['sport', 'tech'] }),
    })
    expect((await predict(owner, `local:${modelName}`, 'a database server in the cloud')).body).toMatchObject({ output: 'tech' })
    const [row] = await sqlRows<{ n: string }>(app, `SELECT count(*) AS n FROM ai_usage WHERE user_id = $1 AND provider = 'local'`, [
      owner.user.id,
    ])
    expect(Number(row.n)).toBe(2)
  })

  it("lists the providers' models and the caller's trained ones, with filters; others' jobs are 404", async () => {
    const all = await app.api.get('/api/v1/ai/models', { token: owner.token })
    expect(all.status).toBe(200)
    expect(all.body).toEqual(
      expect.arrayContaining([
        { id: 'openai:gpt-4', name: 'gpt-4', provider: 'openai', model_type: 'text', available: true },
        expect.objectContaining({
          id: `local:${modelName}`,
          provider: 'local',
          available: true,
          status: 'completed',
          accuracy: 1,
          training_id: trainingId,
        }),
      ]),
    )
    const local = await app.api.get('/api/v1/ai/models?provider=local', { token: owner.token })
    expect(local.body.map((model) => model.id)).toEqual([`local:${modelName}`])
    const stranger = await makeUser(app)
    const hidden = await app.api.get(`/api/v1/ai/train/${trainingId}`, { token: stranger.token })
    expect(hidden.status).toBe(404)
    expect((await app.api.get('/api/v1/ai/models?provider=local', { token: stranger.token })).body).toEqual([])
    expect((await predict(stranger, `local:${modelName}`, 'goal')).status).toBe(404)
  })

  it('rejects training data without two labels', async () => {
    const res = await app.api.post(
      '/api/v1/ai/train',
      { model_name: `bad-${unique()}`, model_type: 'text', training_data: { examples: examples.filter((e) => e.label === 'sport') } },
      { token: owner.token },
    )
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: 'Validation failed', errors: { training_data: ['At least two labels are needed.'] } })
  })
})
