import type { AddressInfo } from 'node:net'
import http from 'node:http'
import express from 'express'
import { z } from 'zod'
import { errorHandler } from '../../src/http/errorHandler.ts'
import { requestLogger } from '../../src/http/requestLogger.ts'
import { v1Router } from '../../src/http/v1Router.ts'
import { apiClient, type ApiClient } from '../helpers/api.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { captureLogs, type LogLine } from '../helpers/logCapture.ts'

let app: TestApp
let logs: { lines: LogLine[]; stop(): void }
beforeAll(async () => {
  app = await startTestApp({ env: { LOG_LEVEL: 'info', BODY_LIMIT: '2kb' } })
  logs = await captureLogs()
})
afterAll(async () => {
  logs.stop()
  await app.stop()
})

describe('the real server', () => {
  it.each(['/api/v1/does-not-exist', '/api/v1/does-not-exist/', '/api/v1/system/nope/'])(
    'answers unknown %s with 404 {"detail":"Not found"}',
    async (path) => {
      const res = await app.api.get(path)
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ detail: 'Not found' })
    },
  )

  it('answers malformed JSON with 400 and a detail', async () => {
    const res = await app.api.post('/api/v1/system/health/', undefined, {
      rawBody: '{"broken": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: 'Malformed JSON in request body' })
  })

  it('answers a body over the limit with 413', async () => {
    const res = await app.api.post('/api/v1/system/health', { padding: 'x'.repeat(4096) })
    expect(res.status).toBe(413)
    expect(res.body).toEqual({ detail: 'Request body is too large' })
  })
})

describe('v1Router and the error handler', () => {
  let api: ApiClient
  let server: http.Server
  beforeAll(async () => {
    const group = v1Router('/probe')
    group.post(
      '/items',
      {
        summary: 'validated',
        body: z.object({ name: z.string().min(2), count: z.number().int().max(5) }),
        responses: { 201: z.object({ name: z.string() }) },
      },
      async ({ body }) => ({ status: 201, body: { name: body.name } }),
    )
    group.get('/explode', { summary: 'fails unexpectedly', responses: { 200: 'never' } }, async () => {
      throw new Error('relation "secret_table" does not exist: SELECT password FROM secret_table')
    })
    group.get('/humanlink-explode', { summary: 'fails', envelope: 'humanlink', responses: { 200: 'never' } }, async () => {
      throw new Error('boom')
    })
    const probe = express()
    probe.locals.payload = app.payload
    probe.use(requestLogger, express.json(), group.router, errorHandler)
    server = http.createServer(probe).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    api = apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it.each(['/items', '/items/'])('validates POST %s: 400 with errors per field', async (path) => {
    const res = await api.post(path, { name: 'x', count: 9 })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      detail: 'Validation failed',
      errors: { name: [expect.any(String)], count: [expect.any(String)] },
    })
  })

  it('reports a missing field as "This field is required."', async () => {
    const res = await api.post('/items', {})
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual({ name: ['This field is required.'], count: ['This field is required.'] })
  })

  it('passes valid input to the handler', async () => {
    const res = await api.post('/items/', { name: 'ok', count: 2 })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ name: 'ok' })
  })

  it('answers an unexpected error with a bare 500 and logs the whole error with the request id', async () => {
    const res = await api.get('/explode', { headers: { 'x-request-id': 'req-explode-1' } })
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ detail: 'Internal server error' })
    expect(res.text).not.toMatch(/secret_table|at |SELECT/)
    expect(res.headers.get('x-request-id')).toBe('req-explode-1')
    const logged = logs.lines.find((line) => line.msg === 'request failed' && line.reqId === 'req-explode-1')
    expect(logged).toBeDefined()
    expect(JSON.stringify(logged)).toContain('secret_table')
  })

  it('adds HumanLink keys to errors on HumanLink routes', async () => {
    const res = await api.get('/humanlink-explode')
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ success: false, detail: 'Internal server error', message: 'Internal server error' })
  })
})
