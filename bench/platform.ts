import autocannon from 'autocannon'

/**
 * Platform scenario of `npm run bench` (issue 14): what the usage-analytics middleware costs.
 * GET /api/v1/events?limit=20 against two identical production servers on the same database, one with
 * ANALYTICS_ENABLED=true and one with false, in alternating rounds so drift hits both alike.
 * Limit: the middleware costs at most 5 % of the throughput.
 */
export type AnalyticsOverhead = {
  path: string
  rounds: number
  with_rps: number
  without_rps: number
  overhead: number
  limit_overhead: number
  pass: boolean
}

export type StartServer = (env: Record<string, string>) => Promise<{ url: string; stop(): Promise<void> }>

const PATH = '/api/v1/events?limit=20'
const ROUNDS = 6
const LIMIT = 0.05

async function throughput(url: string, connections: number, duration: number): Promise<number> {
  const result = await autocannon({ url: `${url}${PATH}`, connections, duration })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}${PATH}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

export async function measureAnalyticsOverhead(start: StartServer, connections: number, duration: number): Promise<AnalyticsOverhead> {
  const withAnalytics = await start({ ANALYTICS_ENABLED: 'true' })
  const withoutAnalytics = await start({ ANALYTICS_ENABLED: 'false' })
  try {
    const roundSeconds = Math.max(2, Math.round(duration / 3))
    // Warm both (JIT, pool, caches) before anything counts.
    await throughput(withAnalytics.url, connections, 2)
    await throughput(withoutAnalytics.url, connections, 2)
    let withTotal = 0
    let withoutTotal = 0
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(
        `GET ${PATH} analytics on/off round ${round + 1}/${ROUNDS} (${roundSeconds}s each, ${connections} connections)\n`,
      )
      // Alternate which one goes first, so neither always runs on the warmer machine.
      const order = round % 2 === 0 ? [true, false] : [false, true]
      for (const enabled of order) {
        const rps = await throughput(enabled ? withAnalytics.url : withoutAnalytics.url, connections, roundSeconds)
        if (enabled) withTotal += rps
        else withoutTotal += rps
      }
    }
    const withRps = Math.round(withTotal / ROUNDS)
    const withoutRps = Math.round(withoutTotal / ROUNDS)
    const overhead = Math.round((1 - withRps / withoutRps) * 1000) / 1000
    return {
      path: PATH,
      rounds: ROUNDS,
      with_rps: withRps,
      without_rps: withoutRps,
      overhead,
      limit_overhead: LIMIT,
      pass: overhead <= LIMIT,
    }
  } finally {
    await Promise.all([withAnalytics.stop(), withoutAnalytics.stop()])
  }
}

export function analyticsReport(result: AnalyticsOverhead): string {
  return (
    `\nanalytics middleware on GET ${result.path}: ${result.with_rps} req/s with, ${result.without_rps} req/s without, ` +
    `overhead ${(result.overhead * 100).toFixed(1)} % (limit ${result.limit_overhead * 100} %: ${result.pass ? 'ok' : 'OVER LIMIT'})\n`
  )
}
