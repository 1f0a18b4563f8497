/** One load scenario: the same request against the platform and, when it has one, the raw baseline. */
export type Scenario = {
  name: string
  method: 'GET' | 'POST'
  path: string
  /** Path on the raw express + pg baseline that runs the same SQL; none = platform only. */
  baselinePath?: string
  headers?: Record<string, string>
  body?: string
}

/** Scenarios in the order they run. Later issues append theirs (login, events list, registrations). */
export const scenarios: Scenario[] = [
  { name: 'GET /health', method: 'GET', path: '/health', baselinePath: '/health' },
  { name: 'GET /api/v1/system/health', method: 'GET', path: '/api/v1/system/health', baselinePath: '/api/v1/system/health' },
]
