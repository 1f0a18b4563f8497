import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import type { HashCost } from './hashCost.ts'
import { toRow, type Row } from './rows.ts'
import { BENCH_ACCOUNT } from './scenarios.ts'

const SIGN_UP_CLIENTS = 20

/** POST /api/v1/auth/register from 20 clients, every request a new account (a distinct email). */
export async function measureSignUp(baseUrl: string, duration: number): Promise<Row> {
  process.stdout.write(`POST /api/v1/auth/register (distinct users) -> platform (${duration}s, ${SIGN_UP_CLIENTS} connections)\n`)
  const result = await autocannon({
    url: baseUrl,
    connections: SIGN_UP_CLIENTS,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/auth/register',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ email: `signup-${randomUUID()}@bench.test`, password: BENCH_ACCOUNT.password }),
        }),
      },
    ],
  })
  return toRow('POST /api/v1/auth/register (distinct users)', 'platform', result)
}

/** The sign-in at 2 clients: its p50 is compared with one hash (the CPU has room, so latency is the work). */
export async function measureLoginLatency(baseUrl: string, duration: number): Promise<Row> {
  process.stdout.write(`POST /api/v1/auth/login (argon2id, 2 clients) -> platform (${duration}s, 2 connections)\n`)
  const result = await autocannon({
    url: `${baseUrl}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }),
    connections: 2,
    duration,
  })
  return toRow('POST /api/v1/auth/login (argon2id, 2 clients)', 'platform', result)
}

/** The hashing limit: every core hashing all the time, cores x 1000 / (median argon2id ms). */
export function hashingLimit(cores: number, costs: HashCost[]): { per_second: number; hash_ms: number } {
  const argon = costs.find((cost) => cost.scheme.startsWith('argon2id'))
  if (!argon) throw new Error('no argon2id hash cost measured')
  return { per_second: Math.round((cores * 1000) / argon.verify_ms_median), hash_ms: argon.verify_ms_median }
}
