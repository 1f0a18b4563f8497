/** One load scenario: the same request against the platform and, when it has one, the raw baseline. */
export type Scenario = {
  name: string
  method: 'GET' | 'POST'
  path: string
  /** Path on the raw express + pg baseline that runs the same SQL; none = platform only. */
  baselinePath?: string
  headers?: Record<string, string>
  body?: string
  /** Fewer connections for CPU-bound routes (password hashing), so latency reflects the work, not a queue. */
  connections?: number
}

/** The account the sign-in scenarios use; bench/run.ts registers it before measuring. */
export const BENCH_ACCOUNT = { email: 'bench@example.com', password: 'Load-Test-Passphrase-9' }

const json = { 'content-type': 'application/json' }

/** Scenarios in the order they run; bench/run.ts also measures registrations under contention. */
export const scenarios: Scenario[] = [
  { name: 'GET /health', method: 'GET', path: '/health', baselinePath: '/health' },
  { name: 'GET /api/v1/system/health', method: 'GET', path: '/api/v1/system/health', baselinePath: '/api/v1/system/health' },
  { name: 'GET /api/v1/events?limit=20', method: 'GET', path: '/api/v1/events?limit=20', baselinePath: '/api/v1/events?limit=20' },
  {
    name: 'POST /api/v1/auth/login (argon2id)',
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: json,
    body: JSON.stringify({ email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }),
    connections: 8,
  },
  {
    name: 'POST /api/users/login (admin form, argon2id)',
    method: 'POST',
    path: '/api/users/login',
    headers: json,
    body: JSON.stringify({ email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }),
    connections: 8,
  },
]
