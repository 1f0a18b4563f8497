import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'

export type AiCall = {
  provider: 'openai' | 'google' | 'replicate'
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: unknown
}

export type FakeAi = {
  /** Configuration pointing the platform at these fakes (OPENAI_*, GOOGLE_AI_*, REPLICATE_*). */
  env: Record<string, string>
  calls: AiCall[]
  close(): Promise<void>
}

export const FAKE_KEYS = {
  openai: 'sk-fake-openai-key-123456',
  google: 'fake-google-ai-key-123456',
  replicate: 'r8_fake_replicate_token_123456',
}

/**
 * OpenAI (chat completions), Google Gemini (generateContent) and Replicate (predictions) as local servers
 * speaking their wire formats. The prompt picks the behaviour: `fail-400`, `fail-429`, `fail-500` answer
 * that error in the provider's own error body, `slow` answers after 3 s, `poll` (Replicate) starts a
 * prediction that completes on the first poll; anything else succeeds.
 */
export async function startFakeAi(): Promise<FakeAi> {
  const calls: AiCall[] = []
  const predictions = new Map<string, unknown>()
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const raw = await text(req)
    const body: unknown = raw ? JSON.parse(raw) : null
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload))
    const prompt = JSON.stringify(body ?? '')
    const behaviour = /fail-(\d{3})|slow|poll/.exec(prompt)
    if (behaviour?.[0] === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000))
    const failure = behaviour?.[1] ? Number(behaviour[1]) : undefined
    const retryAfter: Record<string, string> = failure === 429 ? { 'retry-after': '7' } : {}

    if (url.pathname === '/openai/v1/chat/completions' && req.method === 'POST') {
      calls.push({ provider: 'openai', method: 'POST', path: url.pathname, headers: req.headers, body })
      if (req.headers.authorization !== `Bearer ${FAKE_KEYS.openai}`)
        return send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } })
      if (failure)
        return send(failure, { error: { message: `openai says ${failure}`, type: 'invalid_request_error', code: null } }, retryAfter)
      return send(200, {
        id: 'chatcmpl-fake1',
        object: 'chat.completion',
        created: 1700000000,
        model: 'gpt-4-0613',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from fake OpenAI' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
      })
    }
    const gemini = /^\/google\/v1beta\/models\/([^/:]+):generateContent$/.exec(url.pathname)
    if (gemini && req.method === 'POST') {
      calls.push({ provider: 'google', method: 'POST', path: url.pathname, headers: req.headers, body })
      if (req.headers['x-goog-api-key'] !== FAKE_KEYS.google)
        return send(403, { error: { code: 403, message: 'API key not valid', status: 'PERMISSION_DENIED' } })
      if (failure)
        return send(failure, { error: { code: failure, message: `google says ${failure}`, status: 'INVALID_ARGUMENT' } }, retryAfter)
      return send(200, {
        candidates: [
          { content: { role: 'model', parts: [{ text: 'Hello ' }, { text: 'from fake Gemini' }] }, finishReason: 'STOP', index: 0 },
        ],
        usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 6, totalTokenCount: 10 },
        modelVersion: gemini[1],
      })
    }
    const replicate = /^\/replicate\/v1\/models\/([\w.-]+)\/([\w.-]+)\/predictions$/.exec(url.pathname)
    const poll = /^\/replicate\/v1\/predictions\/(\w+)$/.exec(url.pathname)
    if ((replicate && req.method === 'POST') || (poll && req.method === 'GET')) {
      calls.push({ provider: 'replicate', method: req.method, path: url.pathname, headers: req.headers, body })
      if (req.headers.authorization !== `Bearer ${FAKE_KEYS.replicate}`) return send(401, { detail: 'Invalid token.' })
      if (poll) return send(200, predictions.get(poll[1]) ?? { detail: 'Not found.' })
      if (failure) return send(failure, { title: 'Invalid input', detail: `replicate says ${failure}`, status: failure }, retryAfter)
      const id = `pred${calls.length}`
      const done = {
        id,
        status: 'succeeded',
        output: ['Hello ', 'from ', 'fake Replicate'],
        error: null,
        metrics: { predict_time: 0.1 },
        urls: { get: `${base}/replicate/v1/predictions/${id}` },
      }
      if (behaviour?.[0] === 'poll') {
        predictions.set(id, done)
        return send(201, { ...done, status: 'starting', output: null })
      }
      return send(201, done)
    }
    send(404, { error: { message: `no route ${req.method} ${url.pathname}` } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    env: {
      OPENAI_API_KEY: FAKE_KEYS.openai,
      OPENAI_BASE_URL: `${base}/openai/v1`,
      GOOGLE_AI_API_KEY: FAKE_KEYS.google,
      GOOGLE_AI_BASE_URL: `${base}/google`,
      REPLICATE_API_TOKEN: FAKE_KEYS.replicate,
      REPLICATE_BASE_URL: `${base}/replicate/v1`,
    },
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
