import type autocannon from 'autocannon'

/** One line of the results table and of bench/results.json. */
export type Row = {
  scenario: string
  target: 'platform' | 'baseline'
  requests_per_sec: number
  p50_ms: number
  p99_ms: number
  errors: number
  non_2xx: number
}

/** The numbers we keep from an autocannon run (timeouts count as errors). */
export function toRow(scenario: string, target: Row['target'], result: autocannon.Result): Row {
  return {
    scenario,
    target,
    requests_per_sec: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non_2xx: result.non2xx,
  }
}
